package dev.megaplan.cloud.core.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.remote.EnsureReposCommand.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnsureReposCommandTest {
  Box box;
  String bare;

  @BeforeEach
  void setUp() {
    box = new Box();
    bare = GitFixture.bareRepo(box, "app 'é'");
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  @Test
  void clonesMissingReposAndNamesEveryFailure() {
    Checkout good = new Checkout(bare, "main", box.root + "/deep/new dir/app 'x'");
    Checkout badUrl = new Checkout(box.root + "/missing.git", "main", box.root + "/ws/bad");
    Checkout badBranch = new Checkout(bare, "no-such-branch", box.root + "/ws/branch");
    EnsureReposCommand command = new EnsureReposCommand(List.of(good, badUrl, badBranch));

    ExecResult result = box.exec(command.render());

    assertEquals(1, result.exitCode(), result.toString());
    assertEquals(List.of(badUrl, badBranch), command.parse(result));
    assertTrue(Files.exists(Path.of(good.workspace(), "README")));
    assertTrue(result.stderr().contains("clone failed: " + badUrl.describe()), result.stderr());
  }

  @Test
  void existingCheckoutsAreNotClonedAgain() throws Exception {
    Checkout good = new Checkout(bare, "main", box.root + "/ws/app");
    box.exec(new EnsureReposCommand(List.of(good)).render());
    Files.writeString(Path.of(good.workspace(), "local-change"), "keep me");
    Checkout sameDirBrokenUrl = new Checkout(box.root + "/gone.git", "main", good.workspace());

    EnsureReposCommand again = new EnsureReposCommand(List.of(sameDirBrokenUrl));
    ExecResult result = box.exec(again.render());

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(List.of(), again.parse(result));
    assertTrue(Files.exists(Path.of(good.workspace(), "local-change")));
  }

  @Test
  void describeNamesUrlBranchAndWorkspace() {
    assertEquals("u@b into /w", new Checkout("u", "b", "/w").describe());
    assertFalse(new EnsureReposCommand(List.of()).render().contains("git"));
  }
}
