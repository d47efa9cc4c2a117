package io.convopt.experiments.grid;

import picocli.CommandLine.Option;

/**
 * {@code --quick}: a command's small preset, written into a separate {@code *-quick} folder so a
 * smoke run never overwrites a full one (a picocli mixin; each command states its preset in its
 * help footer).
 */
public final class PresetOption {

  @Option(
      names = "--quick",
      description =
          "Run the small preset (see the end of this help) into the separate folder"
              + " DIR/<folder>-quick, so a smoke run never overwrites a full one.")
  boolean quick;

  /** Whether the small preset was asked for. */
  public boolean quick() {
    return quick;
  }
}
