package dev.megaplan.cloud.testkit.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.provider.Upload;
import dev.megaplan.cloud.providers.railway.RailwayProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a token, the railway provider falls back to the {@code railway} CLI. A stand-in {@code
 * railway} script records its arguments and, like {@code railway ssh -- CMD}, runs the joined
 * command with {@code sh -c} (here, on this machine).
 */
@Timeout(60)
class RailwayCliFallbackTest {
  static final String STAND_IN =
      String.join(
          "\n",
          "#!/bin/sh",
          "log=\"$(dirname \"$0\")/calls.log\"",
          "for a in \"$@\"; do printf '%s\\n' \"$a\" >>\"$log\"; done",
          "printf -- '--end--\\n' >>\"$log\"",
          "[ \"$1\" = ssh ] || exit 9",
          "shift",
          "while [ $# -gt 0 ]; do",
          "  case \"$1\" in",
          "    --) shift; exec sh -c \"$*\" ;;",
          "    --session) exit 0 ;;",
          "    *) shift ;;",
          "  esac",
          "done",
          "");

  @TempDir Path dir;
  RailwayBox box;
  Path bin;

  @BeforeEach
  void setUp() throws Exception {
    box = new RailwayBox(dir);
    box.env.remove("RAILWAY_API_TOKEN");
    bin = Files.createDirectories(dir.resolve("cli"));
    Path railway = bin.resolve("railway");
    Files.writeString(railway, STAND_IN);
    Files.setPosixFilePermissions(railway, PosixFilePermissions.fromString("rwxr-xr-x"));
    box.env.put("PATH", bin + ":" + System.getenv("PATH"));
  }

  @AfterEach
  void tearDown() {
    box.close();
  }

  List<String> calls() throws Exception {
    return Files.readAllLines(bin.resolve("calls.log"), StandardCharsets.UTF_8);
  }

  @Test
  void execAndReadGoThroughRailwaySshScopedToTheConfiguredService() throws Exception {
    Path file = dir.resolve("hello.txt");
    Files.writeString(file, "hi there");
    try (RailwayProvider railway =
        box.railway(box.config(RailwayBox.yaml("  environment: staging\n")))) {
      RemoteShell shell = railway.remoteShell().orElseThrow();
      assertEquals(
          ExecResult.of(3, "out", "err"), shell.exec("printf out; printf err >&2; exit 3"));
      assertEquals(Optional.of("hi there"), shell.read(file.toString()));
      List<String> first = calls().subList(0, 8);
      assertEquals(
          List.of(
              "ssh",
              "--project",
              "megaplan",
              "--environment",
              "staging",
              "--service",
              "agent",
              "--"),
          first);
      CloudException upload =
          assertThrows(
              CloudException.class,
              () -> shell.upload(List.of(Upload.of(dir.resolve("x").toString(), new byte[] {1}))));
      assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, upload.code());
      assertTrue(upload.getMessage().contains("relay"), upload.getMessage());
    }
    assertEquals(List.of(), box.operations(), "no API call without a token");
  }

  @Test
  void attachUsesRailwaySshSessionWithTheGivenOrConfiguredName() throws Exception {
    try (RailwayProvider railway =
        box.railway(box.config(RailwayBox.yaml("  session: runner\n")))) {
      assertEquals(0, railway.attach(Optional.of("megaplan-chain-x")));
      assertEquals(0, railway.attach(Optional.empty()));
    }
    List<String> calls = calls();
    assertEquals(
        List.of(
            "ssh",
            "--project",
            "megaplan",
            "--environment",
            "production",
            "--service",
            "agent",
            "--session",
            "megaplan-chain-x",
            "--end--",
            "ssh",
            "--project",
            "megaplan",
            "--environment",
            "production",
            "--service",
            "agent",
            "--session",
            "runner",
            "--end--"),
        calls);
  }

  @Test
  void attachToAnUnsafeSessionNameIsInvalidArgsAndRunsNothing() throws Exception {
    try (RailwayProvider railway = box.railway(box.config(RailwayBox.yaml("")))) {
      CloudException failure =
          assertThrows(CloudException.class, () -> railway.attach(Optional.of("s#(touch /tmp/c)")));
      assertEquals(ErrorCode.INVALID_ARGS, failure.code());
    }
    assertFalse(Files.exists(bin.resolve("calls.log")), "the railway CLI was run");
  }

  @Test
  void attachWithoutTheCliIsProviderUnavailable() {
    box.env.put("PATH", dir.resolve("nothing").toString());
    try (RailwayProvider railway = box.railway(box.config(RailwayBox.yaml("")))) {
      CloudException failure =
          assertThrows(CloudException.class, () -> railway.attach(Optional.empty()));
      assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, failure.code());
      assertTrue(failure.getMessage().contains("npm i -g @railway/cli"), failure.getMessage());
    }
  }
}
