package dev.megaplan.cloud.testkit.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A faithful stand-in of Docker's command-line contract, for fast argument-level tests: it is not
 * Docker. {@link #install(Path)} writes executable {@code docker} and {@code docker-compose} bash
 * scripts into {@link #bin()}; put that directory first on the {@code PATH} of the code under test
 * (for example through {@link #path(String)}).
 *
 * <p>What it does, call by call:
 *
 * <ul>
 *   <li>Every call is recorded in a journal ({@link #calls()}): the program name, the argument
 *       vector, the working directory and the stdin bytes it consumed.
 *   <li>{@code docker exec [-i] [-t] NAME CMD...} and {@code docker compose … exec [-T] SERVICE
 *       CMD...} (and {@code docker-compose … exec …}) really run {@code CMD...} on this machine, so
 *       {@code bash -lc CMD} behaves as in a container whose file system is this machine's. Stdin
 *       passes through with {@code -i} and for compose's exec, as Docker's do; without {@code -i}
 *       the command reads {@code /dev/null}.
 *   <li>{@code build}, {@code run -d}, {@code rm -f}, {@code stop}, {@code logs [-f|--tail N]},
 *       {@code compose … up -d|build|stop|down|logs} exit 0 with a plausible line of output, or
 *       what {@link #answering} / {@link #failing} scripted; {@code logs -f} prints and ends.
 *   <li>{@code docker version --format {{.Server.Version}}} fails as a client without an engine
 *       does ("Cannot connect to the Docker daemon …", exit 1), so an engine probe stays honest.
 *   <li>{@link #withoutComposeSubcommand()} makes {@code docker compose} answer {@code docker:
 *       'compose' is not a docker command.} (exit 1), as a Docker without the Compose plugin does;
 *       {@link #withoutComposeBinary()} removes {@code docker-compose}.
 * </ul>
 *
 * <p>Independent of JUnit: the scripts only need bash and coreutils, so the same stand-in can sit
 * on the {@code PATH} of a real sshd.
 */
public final class DockerStandIn {
  private static final String SCRIPT = "/dev/megaplan/cloud/testkit/docker/docker-standin.sh";

  /** One recorded call. */
  public record Call(String program, List<String> args, Path workingDirectory, byte[] stdin) {
    /** Copies the arguments. */
    public Call {
      Objects.requireNonNull(program, "program");
      args = List.copyOf(args);
      Objects.requireNonNull(workingDirectory, "workingDirectory");
      stdin = stdin.clone();
    }

    /**
     * The program name followed by the arguments, for example {@code [docker, compose, -p, …]}.
     *
     * @return the vector
     */
    public List<String> argv() {
      List<String> argv = new ArrayList<>();
      argv.add(program);
      argv.addAll(args);
      return argv;
    }

    /**
     * The stdin bytes as UTF-8 text.
     *
     * @return the text
     */
    public String stdinText() {
      return new String(stdin, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] stdin() {
      return stdin.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Call c
          && program.equals(c.program)
          && args.equals(c.args)
          && workingDirectory.equals(c.workingDirectory)
          && Arrays.equals(stdin, c.stdin);
    }

    @Override
    public int hashCode() {
      return Objects.hash(program, args, workingDirectory, Arrays.hashCode(stdin));
    }

    @Override
    public String toString() {
      return String.join(" ", argv()) + " (in " + workingDirectory + ")";
    }
  }

  private final Path state;

  private DockerStandIn(Path state) {
    this.state = state;
  }

  /**
   * Installs the stand-in into a directory: {@code bin/docker}, {@code bin/docker-compose}, the
   * journal and the scripted answers all live below it.
   *
   * @param dir a directory of the test's own (created when missing)
   * @return the stand-in
   */
  public static DockerStandIn install(Path dir) {
    try {
      Path state = dir.toAbsolutePath().normalize();
      Files.createDirectories(state.resolve("bin"));
      Files.createDirectories(state.resolve("journal"));
      Files.createDirectories(state.resolve("answers"));
      String script;
      try (InputStream in = DockerStandIn.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + SCRIPT);
        }
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      script = script.replace("__STATE__", "'" + state.toString().replace("'", "'\"'\"'") + "'");
      for (String name : List.of("docker", "docker-compose")) {
        Path file = state.resolve("bin").resolve(name);
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      return new DockerStandIn(state);
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the docker stand-in in " + dir, e);
    }
  }

  /**
   * The directory holding {@code docker} and {@code docker-compose}.
   *
   * @return the directory, absolute
   */
  public Path bin() {
    return state.resolve("bin");
  }

  /**
   * A {@code PATH} value with the stand-in first.
   *
   * @param rest the rest of the {@code PATH} (may be empty or null)
   * @return {@code <bin>:<rest>}
   */
  public String path(String rest) {
    return rest == null || rest.isEmpty() ? bin().toString() : bin() + ":" + rest;
  }

  /**
   * A {@code PATH} of one directory holding every program of {@code path} except {@code docker} and
   * {@code docker-compose} (as symbolic links, the first of a name winning), for tests of a machine
   * without Docker on a machine that has it.
   *
   * @param dir a directory of the test's own (created when missing)
   * @param path the {@code PATH} to copy, for example {@code /usr/bin:/bin}
   * @return the directory, as a {@code PATH} value
   */
  public static String pathWithoutDocker(Path dir, String path) {
    try {
      Path bin = Files.createDirectories(dir.toAbsolutePath().normalize());
      for (String entry : path.split(":")) {
        Path source = Path.of(entry.isEmpty() ? "." : entry);
        if (!Files.isDirectory(source)) {
          continue;
        }
        try (Stream<Path> programs = Files.list(source)) {
          for (Path program : programs.toList()) {
            String name = program.getFileName().toString();
            Path link = bin.resolve(name);
            if (!name.equals("docker")
                && !name.equals("docker-compose")
                && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              Files.createSymbolicLink(link, program.toAbsolutePath());
            }
          }
        }
      }
      return bin.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("could not make a PATH without docker in " + dir, e);
    }
  }

  /**
   * Makes {@code docker compose} answer as a Docker without the Compose plugin: {@code docker:
   * 'compose' is not a docker command.}, exit 1.
   *
   * @return this stand-in
   */
  public DockerStandIn withoutComposeSubcommand() {
    write(state.resolve("compose-missing"), "");
    return this;
  }

  /**
   * Removes the {@code docker-compose} binary.
   *
   * @return this stand-in
   */
  public DockerStandIn withoutComposeBinary() {
    try {
      Files.deleteIfExists(bin().resolve("docker-compose"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Scripts a verb to fail. Verbs are {@code build}, {@code run}, {@code rm}, {@code stop}, {@code
   * logs}, {@code exec} (any exec, docker's or compose's), and {@code compose up}, {@code compose
   * build}, {@code compose stop}, {@code compose down}, {@code compose logs}, {@code compose
   * version} (for both {@code docker compose} and {@code docker-compose}).
   *
   * @param verb the verb
   * @param exitCode the exit status
   * @param stderr what it prints on stderr
   * @return this stand-in
   */
  public DockerStandIn failing(String verb, int exitCode, String stderr) {
    write(answer(verb, ".fail"), exitCode + "\n" + stderr + (stderr.endsWith("\n") ? "" : "\n"));
    return this;
  }

  /**
   * Scripts what a verb prints on stdout (instead of its default line).
   *
   * @param verb the verb, as for {@link #failing}
   * @param stdout the exact output
   * @return this stand-in
   */
  public DockerStandIn answering(String verb, String stdout) {
    write(answer(verb, ".out"), stdout);
    return this;
  }

  /**
   * Forgets the scripted answers (the compose modes stay as set).
   *
   * @return this stand-in
   */
  public DockerStandIn resetAnswers() {
    deleteChildren(state.resolve("answers"));
    return this;
  }

  /**
   * The recorded calls, oldest first.
   *
   * @return the calls
   */
  public List<Call> calls() {
    try (Stream<Path> entries = Files.list(state.resolve("journal"))) {
      List<Call> calls = new ArrayList<>();
      for (Path call : entries.sorted(ORDER).toList()) {
        String argv = Files.readString(call.resolve("argv"), StandardCharsets.UTF_8);
        List<String> args =
            argv.isEmpty()
                ? List.of()
                : List.of(argv.substring(0, argv.length() - 1).split("\0", -1));
        calls.add(
            new Call(
                Files.readString(call.resolve("program"), StandardCharsets.UTF_8),
                args,
                Path.of(Files.readString(call.resolve("cwd"), StandardCharsets.UTF_8).strip()),
                Files.readAllBytes(call.resolve("stdin"))));
      }
      return calls;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the docker stand-in's journal", e);
    }
  }

  /**
   * The argument vectors of the recorded calls, oldest first.
   *
   * @return the vectors, each starting with the program name
   */
  public List<List<String>> argvs() {
    return calls().stream().map(Call::argv).collect(Collectors.toList());
  }

  /** Empties the journal. */
  public void clearJournal() {
    deleteChildren(state.resolve("journal"));
  }

  /** Journal entries are named {@code <nanoseconds>-<pid>}: oldest first. */
  private static final Comparator<Path> ORDER =
      Comparator.<Path>comparingLong(call -> part(call, 0))
          .thenComparingLong(call -> part(call, 1));

  private static long part(Path call, int index) {
    return Long.parseLong(call.getFileName().toString().split("-")[index]);
  }

  private Path answer(String verb, String suffix) {
    if (!verb.matches("[a-z]+( [a-z]+)?")) {
      throw new IllegalArgumentException("not a verb: " + verb);
    }
    return state.resolve("answers").resolve(verb.replace(' ', '_') + suffix);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteChildren(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
