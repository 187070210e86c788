package dev.megaplan.cloud.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into the jar. */
public final class Version {
  private Version() {}

  /**
   * The project version, for example {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version
   */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Supplies {@code --version} output to picocli. */
  public static final class Provider implements IVersionProvider {
    /** Creates the provider; picocli calls this. */
    public Provider() {}

    @Override
    public String[] getVersion() {
      return new String[] {"megaplan-cloud " + current()};
    }
  }
}
