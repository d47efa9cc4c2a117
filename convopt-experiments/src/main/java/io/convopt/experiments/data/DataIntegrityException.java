package io.convopt.experiments.data;

/**
 * A data file's SHA-256 differs from the one recorded in {@code data/SHA256SUMS} or the manifest.
 */
public final class DataIntegrityException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public DataIntegrityException(String message) {
    super(message);
  }
}
