package dev.megaplan.cloud.core.internal.deploy;

/**
 * One file of a deploy directory: where it goes, its bytes' text and its mode.
 *
 * @param path the path relative to the deploy directory, {@code /}-separated
 * @param text the rendered text
 * @param mode the POSIX mode, {@code 0755} for scripts
 */
record DeployFile(String path, String text, int mode) {
  static final int EXECUTABLE = 0755;
  static final int REGULAR = 0644;
}
