package dev.megaplan.cloud.core.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepoDirNameTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://github.com/acme/web-app.git, web-app",
    "https://github.com/acme/web-app, web-app",
    "https://github.com/acme/web-app/, web-app",
    "git@github.com:acme/Service.GIT, service",
    "git@host:lonely.git, lonely",
    "https://x/My Repo!!.git, my-repo",
    "https://x/.git, app",
    "'', app",
    "https://x/---, app"
  })
  void repoDirectoryIsTheSluggedLastUrlSegment(String url, String expected) {
    assertEquals(expected, RepoDirName.of(url));
  }

  @ParameterizedTest
  @CsvSource({"60"})
  void longNamesAreCutTo48Characters(int length) {
    assertEquals(48, RepoDirName.of("https://x/" + "a".repeat(length) + ".git").length());
  }
}
