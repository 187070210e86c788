package dev.megaplan.cloud.testkit.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.supervisor.TickReport;
import dev.megaplan.cloud.core.CloudSession;
import dev.megaplan.cloud.core.internal.json.Json;
import dev.megaplan.cloud.testkit.HostBoxExtension;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote chain.yaml with YAML nulls in it (megaplan runs such a spec) read by the status read and
 * the supervisor tick on a real host box: it loads, and a null megaplan refuses is an answer, not a
 * NullPointerException out of the tick.
 */
class NullBearingSpecOnHostTest {
  static final String NULL_BEARING_SPEC =
      "emulator: null\nseed: ~\ndriver: null\non_failure:\nmilestones:\n"
          + "- {label: m1, idea: i1.md, notes: null, bakeoff: {rounds: null}}\n"
          + "- {label: m2, idea: i2.md, depends_on: null}\n- {label: m3, idea: i3.md}\n";

  @RegisterExtension final HostBoxExtension boxes = new HostBoxExtension();
  @TempDir Path home;
  HostChainFixture chain;

  @BeforeEach
  void setUp() {
    chain = new HostChainFixture(boxes.box());
  }

  @Test
  void theStatusReadLoadsASpecWithNulls() {
    chain.spec(NULL_BEARING_SPEC).state(HostStatusReadTest.RUNNING_STATE).planStatus("running");
    chain.runnerAlive();
    try (CloudSession session = chain.session(home)) {
      ChainStatus status = session.chainStatus().remoteSpec(chain.spec).read();
      assertEquals(3, status.milestoneCount());
      assertEquals(EffectiveStatus.RUNNING, status.effectiveStatus());
    }
  }

  @Test
  void theSupervisorTicksOnASpecWithNulls() {
    chain.spec(NULL_BEARING_SPEC).state(HostStatusReadTest.RUNNING_STATE).planStatus("running");
    chain.runnerAlive();
    try (CloudSession session = chain.session(home)) {
      TickReport report = session.supervisor(Optional.of(chain.spec)).tick();
      assertTrue(report.success(), Json.compact(report));
      assertEquals("running", report.effectiveStatus());
      assertEquals("noop", report.nextAction());
    }
  }

  @Test
  void aNullMegaplanRefusesIsASupervisorErrorNamingTheField() {
    chain
        .spec("base_branch: null\n" + NULL_BEARING_SPEC)
        .state(HostStatusReadTest.RUNNING_STATE)
        .planStatus("running");
    try (CloudSession session = chain.session(home)) {
      TickReport report = session.supervisor(Optional.of(chain.spec)).tick();
      assertFalse(report.success(), Json.compact(report));
      assertEquals("supervisor_error", report.event());
      String reason = report.refusedReason().orElseThrow();
      assertTrue(
          reason.contains(
              "base_branch must be a non-empty string, got null (" + chain.spec + ":1:14)"),
          reason);
    }
  }
}
