package dev.megaplan.cloud.testkit.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes API server for tests on loopback: fabric8's mock server in CRUD mode (objects are
 * stored and served as the API server would) plus what a mock server lacks and a runner provider
 * needs, played faithfully:
 *
 * <ul>
 *   <li><b>exec</b>: {@code GET /api/v1/namespaces/NS/pods/POD/exec?command=…&container=…} upgraded
 *       to a WebSocket speaking {@code v4.channel.k8s.io} (see {@link PodExecSession}); the command
 *       runs as a real process on this machine in the pod's own root directory ({@link #podRoot}).
 *       Like the API server it refuses (before upgrading) a pod that does not exist (404), a
 *       container the pod does not have, and a pod that is not running (400, with a {@code Status}
 *       body). Every exec is journaled ({@link #execs()}).
 *   <li><b>the StatefulSet controller and kubelet</b> ({@link StatefulSetController}): pod {@code
 *       <name>-0} appears, becomes Ready, follows template changes and {@code replicas}, and the
 *       claims of the volume claim templates are created.
 *   <li><b>pod logs</b>: {@code GET …/pods/POD/log} with {@code tailLines}, {@code sinceTime},
 *       {@code timestamps} and {@code follow}, from lines a test adds ({@link #appendLog}); a
 *       followed stream sends what there is and then ends, as a dropped connection would.
 * </ul>
 *
 * <p>Independent of JUnit: start it, point a kubeconfig at it ({@link #writeKubeconfig}), close it.
 */
public final class KubernetesStandIn implements AutoCloseable {
  private static final Pattern POD_SUBRESOURCE =
      Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/?]+)/(exec|log)(?:\\?(.*))?$");

  /**
   * One exec request, as the API server received it.
   *
   * @param namespace the pod's namespace
   * @param pod the pod's name
   * @param container the {@code container} parameter, empty when not given
   * @param command the {@code command} parameters in order
   * @param stdin whether {@code stdin=true}
   * @param tty whether {@code tty=true}
   * @param protocol the {@code Sec-WebSocket-Protocol} the client asked for
   */
  public record Exec(
      String namespace,
      String pod,
      String container,
      List<String> command,
      boolean stdin,
      boolean tty,
      String protocol) {
    /** Copies the command. */
    public Exec {
      command = List.copyOf(command);
    }
  }

  /**
   * One line of a pod's log.
   *
   * @param at when the container wrote it
   * @param text the line, without its newline
   */
  public record LogLine(Instant at, String text) {}

  /** The User-Agent of the stand-in's own client, whose requests are not journaled. */
  private static final String OWN_AGENT = "megaplan-kubernetes-stand-in";

  private final Path base;
  private final Map<String, String> environment;
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final StatefulSetController controller;
  private final List<Exec> execs = new CopyOnWriteArrayList<>();
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, List<LogLine>> logs = new HashMap<>();
  private volatile boolean dropExecsAfterOutput;

  private KubernetesStandIn(Path base, Map<String, String> environment) {
    this.base = base;
    this.environment = Map.copyOf(environment);
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    this.server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), new Front(crud), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    this.client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.empty())
                    .withMasterUrl(url())
                    .withNamespace("default")
                    .withUserAgent(OWN_AGENT)
                    .build())
            .withHttpClientFactory(new OkHttpClientFactory())
            .build();
    this.controller = new StatefulSetController(client);
  }

  /**
   * Starts the stand-in on a loopback port.
   *
   * @param base where the pods' roots go ({@code base/<namespace>/<pod>})
   * @param environment the complete environment of every exec'd command
   * @return the running stand-in
   */
  public static KubernetesStandIn start(Path base, Map<String, String> environment) {
    return new KubernetesStandIn(base, environment);
  }

  /**
   * The API server's URL.
   *
   * @return {@code http://127.0.0.1:PORT}
   */
  public String url() {
    return server.url("/").replaceAll("/$", "");
  }

  /**
   * Writes a kubeconfig whose one context points at this server.
   *
   * @param file where to write it
   * @param context the context's (and cluster's and user's) name
   * @param namespace the context's namespace, or null for none
   * @return the file
   */
  public Path writeKubeconfig(Path file, String context, String namespace) {
    String text =
        "apiVersion: v1\nkind: Config\n"
            + "clusters:\n- name: "
            + context
            + "\n  cluster:\n    server: "
            + url()
            + "\n"
            + "users:\n- name: "
            + context
            + "\n  user:\n    token: stand-in-token\n"
            + "contexts:\n- name: "
            + context
            + "\n  context:\n    cluster: "
            + context
            + "\n    user: "
            + context
            + (namespace == null ? "" : "\n    namespace: " + namespace)
            + "\ncurrent-context: "
            + context
            + "\n";
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A client of this server, for a test's own reads and writes.
   *
   * @return the client (closed with the stand-in)
   */
  public KubernetesClient client() {
    return client;
  }

  /**
   * The directory a pod's commands run in and stand for its file system's {@code /workspace};
   * created on first use.
   *
   * @param namespace the namespace
   * @param pod the pod's name
   * @return the directory
   */
  public Path podRoot(String namespace, String pod) {
    Path root = base.resolve(namespace).resolve(pod);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  /**
   * Every exec so far.
   *
   * @return the execs, in order
   */
  public List<Exec> execs() {
    return List.copyOf(execs);
  }

  /**
   * The request line of every HTTP request so far ({@code METHOD PATH?QUERY}), except those of the
   * stand-in's own client (its controller and {@link #client()}).
   *
   * @return the lines, in order
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * Closes later exec streams right after the first output, without an exit status, as a dropped
   * connection would.
   *
   * @param on whether to
   * @return this stand-in
   */
  public KubernetesStandIn dropExecsAfterOutput(boolean on) {
    dropExecsAfterOutput = on;
    return this;
  }

  /**
   * How long a new pod takes to become Ready.
   *
   * @param startUp the delay
   * @return this stand-in
   */
  public KubernetesStandIn podStartUp(Duration startUp) {
    controller.startUp(startUp);
    return this;
  }

  /**
   * Keeps new pods {@code Pending} (an image that cannot be pulled, no node with room).
   *
   * @param on whether to
   * @return this stand-in
   */
  public KubernetesStandIn holdPodsPending(boolean on) {
    controller.holdPending(on);
    return this;
  }

  /**
   * Adds a line to a pod's log.
   *
   * @param namespace the namespace
   * @param pod the pod
   * @param at its timestamp
   * @param text the line
   */
  public void appendLog(String namespace, String pod, Instant at, String text) {
    synchronized (logs) {
      logs.computeIfAbsent(namespace + "/" + pod, k -> new ArrayList<>())
          .add(new LogLine(at, text));
    }
  }

  @Override
  public void close() {
    controller.close();
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    client.close();
    server.destroy();
  }

  /**
   * The exec status the kubelet sends on channel 3 for an exit code.
   *
   * @param code the exit code
   * @return the {@code Status} JSON
   */
  static String exitStatus(int code) {
    if (code == 0) {
      return "{\"metadata\":{},\"status\":\"Success\"}";
    }
    return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero"
        + " exit code: error executing command [...], exit code "
        + code
        + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\","
        + "\"message\":\""
        + code
        + "\"}]}}";
  }

  /** Routes exec and log requests here and everything else to the CRUD store. */
  private final class Front extends Dispatcher {
    private final KubernetesCrudDispatcher crud;

    Front(KubernetesCrudDispatcher crud) {
      this.crud = crud;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!OWN_AGENT.equals(request.getHeader("User-Agent"))) {
        requests.add(request.getMethod() + " " + request.getPath());
      }
      Matcher matcher = POD_SUBRESOURCE.matcher(request.getPath());
      if (!matcher.matches()) {
        return crud.dispatch(request);
      }
      String namespace = matcher.group(1);
      String pod = matcher.group(2);
      Map<String, List<String>> query = query(matcher.group(4));
      return matcher.group(3).equals("exec")
          ? exec(request, namespace, pod, query)
          : log(namespace, pod, query);
    }

    @Override
    public void shutdown() {
      crud.shutdown();
    }

    @Override
    public void releaseResources() {
      crud.releaseResources();
    }

    private MockResponse exec(
        RecordedRequest request, String namespace, String name, Map<String, List<String>> query) {
      String container = first(query, "container", "");
      Pod pod = pod(namespace, name);
      if (pod == null) {
        return status(404, "NotFound", "pods \"" + name + "\" not found");
      }
      boolean hasContainer =
          pod.getSpec().getContainers().stream().anyMatch(c -> c.getName().equals(container));
      if (!container.isEmpty() && !hasContainer) {
        return status(
            400, "BadRequest", "container " + container + " is not valid for pod " + name);
      }
      if (!ready(pod)) {
        String phase = pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
        return status(
            400,
            "BadRequest",
            "unable to upgrade connection: container not found (\""
                + container
                + "\"); pod "
                + name
                + " is "
                + phase);
      }
      Exec exec =
          new Exec(
              namespace,
              name,
              container,
              query.getOrDefault("command", List.of()),
              first(query, "stdin", "false").equals("true"),
              first(query, "tty", "false").equals("true"),
              Objects.requireNonNullElse(request.getHeader("Sec-WebSocket-Protocol"), ""));
      execs.add(exec);
      return new MockResponse()
          .withWebSocketUpgrade(
              new PodExecSession(
                  exec,
                  podRoot(namespace, name),
                  environment,
                  dropExecsAfterOutput,
                  processes::add));
    }

    /** Reads a pod from the store directly: a request to this server would wait on itself. */
    private Pod pod(String namespace, String name) {
      MockResponse response = crud.handleGet("/api/v1/namespaces/" + namespace + "/pods/" + name);
      if (response.code() != 200) {
        return null;
      }
      return client
          .getKubernetesSerialization()
          .unmarshal(response.getBody().readUtf8(), Pod.class);
    }

    private MockResponse log(String namespace, String name, Map<String, List<String>> query) {
      if (pod(namespace, name) == null) {
        return status(404, "NotFound", "pods \"" + name + "\" not found");
      }
      List<LogLine> lines;
      synchronized (logs) {
        lines = new ArrayList<>(logs.getOrDefault(namespace + "/" + name, List.of()));
      }
      String since = first(query, "sinceTime", "");
      if (!since.isEmpty()) {
        Instant from = Instant.parse(since);
        lines.removeIf(line -> line.at().isBefore(from));
      }
      String tail = first(query, "tailLines", "");
      if (!tail.isEmpty()) {
        int n = Integer.parseInt(tail);
        lines = lines.subList(Math.max(0, lines.size() - n), lines.size());
      }
      boolean timestamps = first(query, "timestamps", "false").equals("true");
      StringBuilder body = new StringBuilder();
      for (LogLine line : lines) {
        if (timestamps) {
          body.append(line.at()).append(' ');
        }
        body.append(line.text()).append('\n');
      }
      return new MockResponse()
          .setResponseCode(200)
          .setHeader("Content-Type", "text/plain")
          .setBody(body.toString());
    }
  }

  private static boolean ready(Pod pod) {
    if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
      return false;
    }
    for (PodCondition condition :
        Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of())) {
      if (condition.getType().equals("Ready")) {
        return condition.getStatus().equals("True");
      }
    }
    return false;
  }

  private static MockResponse status(int code, String reason, String message) {
    String body =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\""
            + message.replace("\"", "\\\"")
            + "\",\"reason\":\""
            + reason
            + "\",\"code\":"
            + code
            + "}";
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String first(Map<String, List<String>> query, String key, String fallback) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }
}
