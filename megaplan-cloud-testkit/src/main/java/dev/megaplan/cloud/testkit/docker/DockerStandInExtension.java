package dev.megaplan.cloud.testkit.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 adapter of {@link DockerStandIn}: every test gets a fresh stand-in in its own temp
 * directory, removed after the test, pass or fail.
 *
 * <pre>{@code
 * @RegisterExtension final DockerStandInExtension docker = new DockerStandInExtension();
 *
 * @Test void composes() { env.put("PATH", docker.standIn().path("/usr/bin:/bin")); … }
 * }</pre>
 *
 * <p>With {@code @ExtendWith(DockerStandInExtension.class)} instead, declare a {@link
 * DockerStandIn} test method parameter.
 */
public final class DockerStandInExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private Path dir;
  private DockerStandIn standIn;

  /** Creates the extension. */
  public DockerStandInExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("docker-standin-");
    standIn = DockerStandIn.install(dir);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Path current = dir;
    dir = null;
    standIn = null;
    if (current == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(current)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + current, e);
    }
  }

  /**
   * The current test's stand-in.
   *
   * @return the stand-in
   * @throws IllegalStateException outside a test
   */
  public DockerStandIn standIn() {
    if (standIn == null) {
      throw new IllegalStateException("no docker stand-in outside a test");
    }
    return standIn;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DockerStandIn.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return standIn();
  }
}
