package io.convopt.experiments.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output folders that cannot be used fail with the folder's path and the reason in words. */
class OutputDirectoryTest {
  @TempDir Path tmp;

  @Test
  void createsMissingParentsAndReturnsTheFolder() {
    Path dir = tmp.resolve("a").resolve("b");
    assertThat(OutputDirectory.prepare(dir)).isEqualTo(dir);
    assertThat(dir).isDirectory().isEmptyDirectory();
  }

  @Test
  void aFileInTheWayIsNamed() throws Exception {
    Path file = Files.writeString(tmp.resolve("results"), "not a folder");
    assertThatThrownBy(() -> OutputDirectory.prepare(file))
        .isInstanceOf(OutputDirectory.Unusable.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is a file, not a folder");
    assertThatThrownBy(() -> OutputDirectory.prepare(file.resolve("sub")))
        .hasMessageContaining(file.resolve("sub").toString())
        .hasMessageContaining(file + " is a file, not a folder");
  }

  @Test
  void anUnwritableFolderSaysPermissionDeniedOrTheSystemsReason() throws Exception {
    Path locked = Files.createDirectory(tmp.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root ignores permission bits; /proc refuses new folders even to root.
      Path target =
          Files.isWritable(locked)
              ? Path.of("/proc", "convopt-test", "out")
              : locked.resolve("out");
      assertThatThrownBy(() -> OutputDirectory.prepare(target))
          .isInstanceOf(OutputDirectory.Unusable.class)
          .hasMessageContaining(target.toString())
          .hasMessageMatching(
              "(?s).*: (permission denied|no such file or folder.*|"
                  + "read-only file system|operation not permitted|cannot write in it.*)");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
