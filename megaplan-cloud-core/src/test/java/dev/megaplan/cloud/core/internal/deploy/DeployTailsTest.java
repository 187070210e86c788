package dev.megaplan.cloud.core.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeployTailsTest {
  @Test
  void keepsTheLastTwentyLines() {
    String output =
        IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    String tail = DeployTails.of(output + "\n", UnaryOperator.identity()).orElseThrow();
    assertEquals(20, tail.lines().count());
    assertEquals("line 11", tail.lines().findFirst().orElseThrow());
    assertEquals("line 30", tail.lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void keepsAtMostFourThousandCharactersAndRedactsBeforeCutting() {
    String secret = "SECRET";
    String tail =
        DeployTails.of("x".repeat(5000) + secret, text -> text.replace(secret, "***"))
            .orElseThrow();
    assertEquals(4000, tail.length());
    assertEquals(true, tail.endsWith("x***"));
  }

  @Test
  void blankOutputHasNoTail() {
    assertEquals(Optional.empty(), DeployTails.of(" \n", UnaryOperator.identity()));
  }
}
