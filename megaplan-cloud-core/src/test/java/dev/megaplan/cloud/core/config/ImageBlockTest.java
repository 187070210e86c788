package dev.megaplan.cloud.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.CloudYaml;
import dev.megaplan.cloud.core.LoadedConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageBlockTest {
  private static final String REPO = "repo: {url: u}\n";

  @Test
  void withoutTheBlockTheRunnerIsBuiltFromUbuntu() {
    CloudConfig config = CloudYaml.parse(REPO);
    assertEquals("ubuntu:24.04", config.image().base());
    assertEquals(Optional.empty(), config.image().ref());
  }

  @Test
  void baseAndRefAreReadAsWritten() {
    CloudConfig config =
        CloudYaml.parse(REPO + "image:\n  base: mirror.example.com:5000/library/debian:12\n");
    assertEquals("mirror.example.com:5000/library/debian:12", config.image().base());
    CloudConfig prebuilt =
        CloudYaml.parse(REPO + "image: {ref: ghcr.io/team/megaplan-runner:2026.12}\n");
    assertEquals(Optional.of("ghcr.io/team/megaplan-runner:2026.12"), prebuilt.image().ref());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ubuntu",
        "ubuntu:24.04",
        "library/ubuntu:latest",
        "localhost:5000/runner",
        "megaplan-cloud-test-runner:3f2a9c1d",
        "registry.example.com/a/b/c:v1.2_rc-3",
        "runner@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "ghcr.io/team/runner:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      })
  void wellFormedReferencesLoad(String reference) {
    assertEquals(
        Optional.of(reference),
        CloudYaml.parse(REPO + "image: {ref: '" + reference + "'}\n").image().ref());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ubuntu:24.04",
        "ubuntu:24.04 --privileged",
        "ubuntu:",
        "-ubuntu",
        "a//b",
        "ubuntu:$(id)",
        "runner@sha256:abc"
      })
  void malformedReferencesAreInvalidSpecWithTheirPlace(String reference) {
    CloudException e =
        assertThrows(
            CloudException.class,
            () -> CloudYaml.parse(REPO + "image:\n  ref: '" + reference + "'\n"));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals(
        "image.ref must be a Docker image reference such as ubuntu:24.04 or"
            + " registry.example.com/team/runner:1.2, got '"
            + reference
            + "' (cloud.yaml:3:8)",
        e.getMessage());
  }

  @Test
  void aNameLongerThanTheEngineAcceptsIsInvalidSpec() {
    String longName = "a".repeat(256);
    assertThrows(
        CloudException.class, () -> CloudYaml.parse(REPO + "image: {ref: '" + longName + "'}\n"));
    assertEquals(
        Optional.of("a".repeat(255) + ":tag"),
        CloudYaml.parse(REPO + "image: {ref: '" + "a".repeat(255) + ":tag'}\n").image().ref());
  }

  @Test
  void emptyBaseIsInvalidSpec() {
    CloudException e =
        assertThrows(CloudException.class, () -> CloudYaml.parse(REPO + "image: {base: ''}\n"));
    assertEquals("image.base must be a non-empty string, got '' (cloud.yaml:2:15)", e.getMessage());
  }

  @Test
  void baseBesideRefIsAWarningAndUnknownKeysAreReported() {
    LoadedConfig loaded =
        CloudYaml.loader()
            .inspect(REPO + "image:\n  base: debian:12\n  ref: runner:1\n  tag: x\n", "cloud.yaml");
    assertEquals(
        List.of(
            "unknown key 'image.tag' (cloud.yaml:5:3)",
            "image.base is not used when image.ref is set: deploy runs the prebuilt image"
                + " (cloud.yaml:3:9)"),
        loaded.warnings());
  }
}
