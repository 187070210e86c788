/**
 * The megaplan emulator: a JDK-only test double of megaplan's command line, file formats and
 * lifecycle (spec 09), run on a runner box through {@code bin/megaplan-emulator}. The entry point
 * is {@link dev.megaplan.cloud.testkit.emulator.MegaplanEmulator}; {@code docs/emulator.md}
 * describes the commands, the chain driver and the {@code emulator:} scenario block.
 *
 * <p>Nothing here may import outside {@code java.*} (a test holds it to that): a call must start in
 * well under 0.2 s.
 */
package dev.megaplan.cloud.testkit.emulator;
