package dev.megaplan.cloud.core.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdeaFilesTest {
  @TempDir Path root;
  Path ideaDir;
  IdeaFiles ideas;

  @BeforeEach
  void layout() throws Exception {
    ideaDir = root.resolve("briefs/epic");
    Files.createDirectories(ideaDir);
    ideas = new IdeaFiles(ideaDir, root, "/workspace/app", "/workspace/epic-1a2b3c4d/app");
  }

  private Path file(String relative) throws Exception {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "idea");
    return path;
  }

  @Test
  void aRelativeIdeaIsFoundInTheIdeaDirFirst() throws Exception {
    Path inIdeaDir = file("briefs/epic/m1.md");
    file("m1.md");
    IdeaFiles.Resolved resolved = ideas.resolve("m1", "m1.md");
    assertEquals(inIdeaDir, resolved.localFile());
    assertEquals("/workspace/epic-1a2b3c4d/app/m1.md", resolved.remotePath());
  }

  @Test
  void aWorkspacePathIsFoundUnderTheProjectRootAndRewrittenToTheLaunchWorkspace() throws Exception {
    Path atRoot = file("ideas/m1.md");
    IdeaFiles.Resolved resolved = ideas.resolve("m1", "/workspace/app/ideas/m1.md");
    assertEquals(atRoot, resolved.localFile());
    assertEquals("/workspace/epic-1a2b3c4d/app/ideas/m1.md", resolved.remotePath());
  }

  @Test
  void aPathThatRepeatsTheIdeaDirTailIsFoundInTheIdeaDir() throws Exception {
    Path inIdeaDir = file("briefs/epic/m2.md");
    Files.delete(inIdeaDir);
    Path nested = file("briefs/epic/only-here.md");
    IdeaFiles.Resolved resolved = ideas.resolve("m2", "briefs/epic/only-here.md");
    assertEquals(nested, resolved.localFile());
  }

  @Test
  void anAbsolutePathOutsideTheWorkspaceFallsBackToItsBasenameAndKeepsItsDestination()
      throws Exception {
    Path inIdeaDir = file("briefs/epic/notes.md");
    IdeaFiles.Resolved resolved = ideas.resolve("m3", "/srv/ideas/notes.md");
    assertEquals(inIdeaDir, resolved.localFile());
    assertEquals("/srv/ideas/notes.md", resolved.remotePath());
  }

  @Test
  void aMissingIdeaListsEveryPathTried() {
    CloudException e =
        assertThrows(CloudException.class, () -> ideas.resolve("m9", "/workspace/app/x/m9.md"));
    assertEquals(ErrorCode.MISSING_IDEA_FILE, e.code());
    assertEquals("m9", e.context().get("milestone"));
    assertEquals(
        List.of(ideaDir.resolve("x/m9.md").toString(), root.resolve("x/m9.md").toString()),
        e.context().get("tried_paths"));
  }

  @Test
  void namesWithSpacesQuotesAndUnicodeResolve() throws Exception {
    Path odd = file("briefs/epic/it's a \"plan\" ✓.md");
    IdeaFiles.Resolved resolved = ideas.resolve("m1", "it's a \"plan\" ✓.md");
    assertEquals(odd, resolved.localFile());
    assertEquals("/workspace/epic-1a2b3c4d/app/it's a \"plan\" ✓.md", resolved.remotePath());
  }
}
