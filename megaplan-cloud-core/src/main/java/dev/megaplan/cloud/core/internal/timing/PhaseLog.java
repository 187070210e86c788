package dev.megaplan.cloud.core.internal.timing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the phases of a call with the JVM's monotonic clock, when the JVM runs with {@code
 * -Dmegaplan.cloud.timing=true}: each mark is one INFO line on the SLF4J logger {@code
 * dev.megaplan.cloud.timing}, {@code t=<System.nanoTime()> <phase>[ <detail>]} (the CLI's binding
 * prints it on stderr; stdout is untouched). Off, a mark costs one boolean test and the logger is
 * never created, so a normal call loads nothing for it.
 *
 * <p>Marks carry phase names and sizes, never a command's text, an argument or a value read from
 * the box, so nothing secret can reach the log. {@code System.nanoTime()} is the clock of {@code
 * -Xlog}'s {@code timenanos} decoration and of Linux's {@code CLOCK_MONOTONIC}, so a script can
 * line the marks up with the JVM's class-loading log and with its own timestamps.
 */
public final class PhaseLog {
  /** The system property that turns the marks on. */
  public static final String PROPERTY = "megaplan.cloud.timing";

  private static final boolean ON = Boolean.getBoolean(PROPERTY);

  private PhaseLog() {}

  /**
   * Whether marks are written.
   *
   * @return true when the JVM runs with {@code -Dmegaplan.cloud.timing=true}
   */
  public static boolean enabled() {
    return ON;
  }

  /**
   * Marks a phase now.
   *
   * @param phase a fixed name, for example {@code config.loaded}
   */
  public static void mark(String phase) {
    if (ON) {
      Holder.LOG.info("t={} {}", System.nanoTime(), phase);
    }
  }

  /**
   * Marks a phase now with a detail.
   *
   * @param phase a fixed name
   * @param detail sizes, counts or an algorithm name; never text that may hold a secret (a detail
   *     that must be computed is computed only when {@link #enabled()})
   */
  public static void mark(String phase, Object detail) {
    if (ON) {
      Holder.LOG.info("t={} {} {}", System.nanoTime(), phase, detail);
    }
  }

  /**
   * Marks a phase that happened earlier, at a time taken with {@code System.nanoTime()}.
   *
   * @param phase a fixed name
   * @param nanoTime when it happened
   */
  public static void markAt(String phase, long nanoTime) {
    if (ON) {
      Holder.LOG.info("t={} {}", nanoTime, phase);
    }
  }

  /** Creates the logger only when a mark is written. */
  private static final class Holder {
    static final Logger LOG = LoggerFactory.getLogger("dev.megaplan.cloud.timing");
  }
}
