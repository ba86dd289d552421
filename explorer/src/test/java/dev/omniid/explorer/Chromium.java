package dev.omniid.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol, with nothing but the JDK's WebSocket: one
 * page, its console, its exceptions and every network request it makes. Chromium is Debian's
 * {@code chromium} package ({@code .ci/run} installs it); {@code -Dchromium.binary=PATH} names
 * another. Missing, it fails the test: the page must be seen by a browser, not skipped.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A guard against a hung browser, not a measurement. */
  private static final long TIMEOUT_SECONDS = 60;

  private final Process process;
  private final Path profileDir;
  private final WebSocket socket;
  private final String session;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
  /** Every event the page sent: method and params. */
  final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path profileDir, WebSocket socket, String session) {
    this.process = process;
    this.profileDir = profileDir;
    this.socket = socket;
    this.session = session;
  }

  /** The browser binary: {@code -Dchromium.binary}, else the first of the usual names on PATH. */
  static Optional<Path> binary() {
    String named = System.getProperty("chromium.binary");
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome-stable",
        "google-chrome")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts a fresh browser (a new profile directory under {@code work}) with one blank page. */
  static Chromium start(Path binary, Path work, int width, int height) throws Exception {
    Path profileDir = Files.createTempDirectory(work, "chromium-profile");
    List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--mute-audio", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
        "--user-data-dir=" + profileDir, "--remote-debugging-port=0", "about:blank");
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      // Chromium prints its DevTools address on stderr once it listens; the rest is drained.
      BufferedReader err = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      String browserUrl = null;
      List<String> seen = new ArrayList<>();
      for (String line; (line = err.readLine()) != null; ) {
        seen.add(line);
        int at = line.indexOf("ws://");
        if (line.startsWith("DevTools listening on") && at >= 0) {
          browserUrl = line.substring(at).strip();
          break;
        }
      }
      if (browserUrl == null) {
        throw new IllegalStateException("Chromium exited without a DevTools address: " + seen);
      }
      Thread drain = new Thread(() -> {
        try {
          while (err.readLine() != null) {
            // Chromium's own log lines: not the page's console, which the protocol reports.
          }
        } catch (IOException ignored) {
          // The browser is gone.
        }
      }, "chromium-stderr");
      drain.setDaemon(true);
      drain.start();
      Listener listener = new Listener();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create(browserUrl), listener).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Chromium browser = new Chromium(process, profileDir, socket, null);
      listener.browser = browser;
      String target = browser.call("Target.createTarget", Map.of("url", "about:blank"))
          .get("targetId").asText();
      String session = browser.call("Target.attachToTarget",
          Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
      Chromium page = new Chromium(process, profileDir, socket, session);
      listener.browser = page;
      for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
        page.call(domain + ".enable", Map.of());
      }
      return page;
    } catch (Exception | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Loads a URL and waits for its load event. */
  void navigate(String url) throws Exception {
    CompletableFuture<JsonNode> loaded = awaitEvent("Page.loadEventFired");
    JsonNode result = call("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("navigation failed: " + result.get("errorText").asText());
    }
    loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Evaluates an expression in the page (a promise is awaited) and returns its value as JSON.
   *
   * @throws AssertionError if the expression throws
   */
  JsonNode eval(String expression) throws Exception {
    JsonNode result = call("Runtime.evaluate", Map.of("expression", expression,
        "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("the page threw on " + expression + ": "
          + result.get("exceptionDetails"));
    }
    JsonNode value = result.at("/result/value");
    return value.isMissingNode() ? JSON.nullNode() : value;
  }

  /** A PNG of the viewport. */
  byte[] screenshot() throws Exception {
    return java.util.Base64.getDecoder().decode(
        call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
  }

  /** The events of one method, in order. */
  List<JsonNode> events(String method) {
    return events.stream().filter(e -> e.get("method").asText().equals(method))
        .map(e -> e.get("params")).toList();
  }

  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id).put("method", method).set("params", JSON.valueToTree(params));
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    JsonNode answer = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.get("result");
  }

  private CompletableFuture<JsonNode> awaitEvent(String method) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    awaited.put(method, f);
    return f;
  }

  private void receive(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    if (message.has("method")) {
      events.add(message);
      CompletableFuture<JsonNode> waiting = awaited.remove(message.get("method").asText());
      if (waiting != null) {
        waiting.complete(message.get("params"));
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // The browser may already be gone; it is stopped below either way.
    }
    // The browser's own helper processes first, then the browser: all started by this test.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profileDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Joins a message's fragments and hands it over whole. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    volatile Chromium browser;

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          Chromium b = browser;
          if (b != null) {
            b.receive(message);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          text.setLength(0);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
