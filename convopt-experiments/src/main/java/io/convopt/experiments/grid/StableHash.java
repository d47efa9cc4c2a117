package io.convopt.experiments.grid;

import java.nio.charset.StandardCharsets;

/**
 * FNV-1a (64 bit) of a string's UTF-8 bytes: the same value on every JVM, platform and run, so a
 * cell's shard depends on its key only. ({@link String#hashCode} is also specified by the JLS, but
 * FNV-1a mixes the low bits better, which a modulus by the shard count needs.)
 */
public final class StableHash {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private StableHash() {}

  /** FNV-1a 64 of {@code text} encoded as UTF-8. */
  public static long fnv1a(String text) {
    long h = OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= PRIME;
    }
    return h;
  }

  /** The hash as 16 lowercase hex digits. */
  public static String hex(String text) {
    return String.format("%016x", fnv1a(text));
  }
}
