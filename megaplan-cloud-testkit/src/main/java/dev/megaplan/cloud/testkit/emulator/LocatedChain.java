package dev.megaplan.cloud.testkit.emulator;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain found next to the working directory: a {@code *.yaml}/{@code *.yml} spec there whose
 * state file (spec 02 path) exists, with that state.
 */
final class LocatedChain {
  private final ChainSpec spec;
  private final ChainState state;

  private LocatedChain(ChainSpec spec, ChainState state) {
    this.spec = spec;
    this.state = state;
  }

  ChainSpec spec() {
    return spec;
  }

  ChainState state() {
    return state;
  }

  /** The chain whose state was written last, or {@code null} when there is none. */
  static LocatedChain newest(WorkingDirectory cwd) {
    List<Path> specs = specsWithState(cwd);
    return specs.isEmpty() ? null : load(specs.get(0));
  }

  /**
   * The chain plan {@code plan} belongs to: the newest chain currently driving it, else the newest
   * chain with a milestone of that plan; {@code null} when none.
   */
  static LocatedChain forPlan(WorkingDirectory cwd, String plan) {
    LocatedChain milestoneMatch = null;
    for (Path specPath : specsWithState(cwd)) {
      LocatedChain chain = load(specPath);
      if (plan.equals(chain.state.currentPlan())) {
        return chain;
      }
      if (milestoneMatch == null && chain.spec.indexOfPlan(plan) >= 0) {
        milestoneMatch = chain;
      }
    }
    return milestoneMatch;
  }

  private static LocatedChain load(Path specPath) {
    ChainSpec spec = ChainSpec.load(specPath);
    return new LocatedChain(spec, ChainState.load(spec.statePath()));
  }

  /** Spec files in the working directory whose state exists, newest state first. */
  private static List<Path> specsWithState(WorkingDirectory cwd) {
    List<Path> found = new ArrayList<>();
    List<FileTime> times = new ArrayList<>();
    for (Path dir : cwd.names()) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            continue;
          }
          Path spec = entry.normalize();
          Path state = ChainStatePath.forSpec(spec);
          if (Files.isRegularFile(spec) && Files.isRegularFile(state) && !found.contains(spec)) {
            FileTime time = Files.getLastModifiedTime(state);
            int at = 0;
            while (at < times.size() && times.get(at).compareTo(time) >= 0) {
              at++;
            }
            found.add(at, spec);
            times.add(at, time);
          }
        }
      } catch (IOException unreadable) {
        // a directory we cannot list holds no chain we can report
      }
    }
    return found;
  }
}
