package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Plan names derived from milestone labels and idea titles. */
class SlugsTest {
  @Test
  void aPlanIsNamedAfterItsLabelSlug() {
    assertEquals("m1-plan", Slugs.planName("m1"));
    assertEquals("api-v2-auth-plan", Slugs.planName("API v2 / auth"));
    assertEquals("db_migrate-plan", Slugs.planName("db_migrate"));
    assertEquals("step-1.5-plan", Slugs.planName("--Step 1.5.."));
    assertEquals("caf-plan", Slugs.planName("Café"));
    assertEquals("milestone-plan", Slugs.planName("✓✓✓"));
  }

  @Test
  void slugsAreCutToFortyEightCharacters() {
    String slug = Slugs.slug("a".repeat(47) + " b c", "x");
    assertEquals("a".repeat(47), slug, "cut, then stripped of the trailing dash");
  }
}
