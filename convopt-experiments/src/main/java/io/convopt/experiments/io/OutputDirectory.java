package io.convopt.experiments.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Creates the folder a command writes into, or fails with a message that names the folder and says
 * why in plain words (it is a file, permission denied, read-only, no space, ...). Every command
 * that creates an output folder goes through {@link #prepare(Path)}.
 */
public final class OutputDirectory {
  private OutputDirectory() {}

  /** An output folder that cannot be created or written; the message says which and why. */
  public static final class Unusable extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    Unusable(String message, IOException cause) {
      super(message, cause);
    }
  }

  /**
   * Creates {@code dir} with its parents if needed and checks that a file can be written in it.
   *
   * @return the folder as given
   * @throws Unusable naming the folder and the reason when it cannot be used
   */
  public static Path prepare(Path dir) {
    String what = "cannot use output folder " + dir + ": ";
    Path ancestor = dir.toAbsolutePath().normalize();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor != null && !Files.isDirectory(ancestor)) {
      String which = ancestor.equals(dir.toAbsolutePath().normalize()) ? "it" : ancestor.toString();
      throw new Unusable(
          what + which + " is a file, not a folder",
          new FileAlreadyExistsException(ancestor.toString()));
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new Unusable(what + reason(e), e);
    }
    try {
      Path probe = Files.createTempFile(dir, ".convopt-write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new Unusable(what + "cannot write in it (" + reason(e) + ")", e);
    }
    return dir;
  }

  /**
   * The reason of an I/O failure in plain words, without the path (callers name it): "permission
   * denied", "no space left on device", "a file is in the way", ...
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder (or it cannot be created there)";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
