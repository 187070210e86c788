package dev.megaplan.cloud.testkit;

import dev.megaplan.cloud.api.provider.Provider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 adapter of {@link HostBox}: every test gets a fresh host provider on a temp root, and
 * after the test the root's tmux server is killed and the root deleted, pass or fail.
 *
 * <pre>{@code
 * @RegisterExtension final HostBoxExtension box = new HostBoxExtension();
 *
 * @Test void runsOnTheHost() { box.provider().remoteShell().orElseThrow().exec("true"); }
 * }</pre>
 *
 * <p>With {@code @ExtendWith(HostBoxExtension.class)} instead, declare a {@link HostBox} or {@link
 * Provider} test method parameter.
 */
public final class HostBoxExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private HostBox box;

  /** Creates the extension. */
  public HostBoxExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    box = HostBox.open();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    HostBox current = box;
    box = null;
    if (current != null) {
      current.close();
    }
  }

  /**
   * The current test's box.
   *
   * @return the box
   * @throws IllegalStateException outside a test
   */
  public HostBox box() {
    if (box == null) {
      throw new IllegalStateException("no host box outside a test");
    }
    return box;
  }

  /**
   * The current test's host provider.
   *
   * @return the provider
   */
  public Provider provider() {
    return box().provider();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == HostBox.class || type == Provider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HostBox.class ? box() : provider();
  }
}
