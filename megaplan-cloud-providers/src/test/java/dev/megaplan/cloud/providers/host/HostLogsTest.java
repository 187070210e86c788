package dev.megaplan.cloud.providers.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.provider.LogRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HostLogsTest {
  @TempDir Path temp;

  private HostProvider provider() {
    return new HostBoxes().open(temp.resolve("root"));
  }

  private Path log(String workspace, String session) throws Exception {
    Path log =
        temp.resolve("root")
            .resolve(workspace)
            .resolve(".megaplan/cloud-chain-" + session + ".log");
    Files.createDirectories(log.getParent());
    return log;
  }

  private static String lines(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "line " + i + "\n")
        .collect(Collectors.joining());
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static List<String> take(BlockingQueue<String> queue, int count) throws Exception {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String line = queue.poll(10, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("only got " + taken);
      }
      taken.add(line);
    }
    return taken;
  }

  @Test
  void withoutFollowTheLast200LinesOfTheNewestChainLogArePrinted() throws Exception {
    Path old = log("chain-a-12345678/app", "megaplan-chain-a-12345678");
    Path newest = log("app", "megaplan-chain-b-87654321");
    Files.writeString(old, lines(1, 10));
    Files.writeString(newest, lines(1, 500));
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(600)));
    List<String> got = new ArrayList<>();

    provider().logs(LogRequest.builder().follow(false).sink(got::add).build());

    assertEquals(200, got.size());
    assertEquals("line 301", got.get(0));
    assertEquals("line 500", got.get(199));
  }

  @Test
  void aSessionNameSelectsItsOwnLog() throws Exception {
    Path mine = log("chain-a-12345678/app", "megaplan-chain-a-12345678");
    Path other = log("chain-b-87654321/app", "megaplan-chain-b-87654321");
    Files.writeString(mine, "mine\n");
    Files.writeString(other, "other\n");
    Files.setLastModifiedTime(mine, FileTime.from(Instant.now().minusSeconds(600)));
    List<String> got = new ArrayList<>();

    provider()
        .logs(
            LogRequest.builder()
                .follow(false)
                .source("megaplan-chain-a-12345678")
                .sink(got::add)
                .build());

    assertEquals(List.of("mine"), got);
  }

  @Test
  void noChainLogIsAnErrorWithoutFollow() {
    CloudException failure =
        assertThrows(
            CloudException.class,
            () -> provider().logs(LogRequest.builder().follow(false).sink(l -> {}).build()));
    assertEquals(ErrorCode.PROVIDER_FAILED, failure.code());
  }

  @Test
  void followDeliversEachLineOnceAcrossTruncationAndRecreation() throws Exception {
    Path log = log("app", "s");
    Files.writeString(log, lines(1, 300));
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    HostProvider provider = provider();
    Thread follower =
        new Thread(() -> provider.logs(LogRequest.builder().follow(true).sink(queue::add).build()));
    follower.start();
    try {
      List<String> tail = take(queue, 200);
      assertEquals("line 101", tail.get(0));
      assertEquals("line 300", tail.get(199));

      append(log, "line 301\npartial");
      assertEquals(List.of("line 301"), take(queue, 1));
      append(log, " done\n");
      assertEquals(List.of("partial done"), take(queue, 1));

      Files.writeString(log, "after truncate 1\nafter truncate 2\n");
      assertEquals(List.of("after truncate 1", "after truncate 2"), take(queue, 2));

      Files.delete(log);
      Files.writeString(log, lines(1, 400).replace("line", "recreated"));
      List<String> recreated = take(queue, 400);
      assertEquals("recreated 1", recreated.get(0));
      assertEquals("recreated 400", recreated.get(399));

      Path replacement = log.resolveSibling("next.tmp");
      Files.writeString(replacement, "renamed over 1\n");
      Files.move(replacement, log, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      assertEquals(List.of("renamed over 1"), take(queue, 1));

      append(log, "last\n");
      assertEquals(List.of("last"), take(queue, 1));
      assertNull(queue.poll(300, TimeUnit.MILLISECONDS), "a line was delivered twice");
    } finally {
      follower.interrupt();
      follower.join(10_000);
    }
    assertTrue(!follower.isAlive(), "the follower did not stop when interrupted");
  }
}
