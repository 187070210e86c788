package dev.megaplan.cloud.providers.host.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the runner's chain logs under a root: {@code <root>/*}{@code /.megaplan/cloud-chain*.log}
 * (workspace {@code ROOT/<repo>}) and {@code <root>/*}{@code /*}{@code /.megaplan/cloud-chain*.log}
 * (derived workspaces {@code ROOT/<slug>-<digest8>/<repo>}), newest first.
 */
public final class ChainLogs {
  private ChainLogs() {}

  /**
   * Lists the chain logs, most recently modified first.
   *
   * @param root the host root
   * @return the log files
   */
  public static List<Path> newestFirst(Path root) {
    List<Path> logs = new ArrayList<>();
    for (Path workspace : children(root)) {
      collect(workspace, logs);
      for (Path nested : children(workspace)) {
        collect(nested, logs);
      }
    }
    logs.sort(Comparator.comparing(ChainLogs::modified).reversed().thenComparing(Path::toString));
    return logs;
  }

  /**
   * The log file name of a session (03 §2): {@code cloud-chain-<session>.log}, or the legacy {@code
   * cloud-chain.log} for the bare default session {@code megaplan-chain}.
   *
   * @param session the session name
   * @return the file name
   */
  public static String fileName(String session) {
    return "megaplan-chain".equals(session) ? "cloud-chain.log" : "cloud-chain-" + session + ".log";
  }

  private static void collect(Path workspace, List<Path> logs) {
    Path megaplan = workspace.resolve(".megaplan");
    if (!Files.isDirectory(megaplan)) {
      return;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(megaplan, "cloud-chain*.log")) {
      for (Path log : stream) {
        if (Files.isRegularFile(log)) {
          logs.add(log);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> children(Path dir) {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return children;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path child : stream) {
        if (!child.getFileName().toString().equals(".megaplan")) {
          children.add(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return children;
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
