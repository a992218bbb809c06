package dev.instructgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A teacher on loopback speaking both wire formats we support: OpenAI's {@code POST /v1/chat/completions} and
 * Ollama's {@code POST /api/chat}. Each request's last user message goes to a {@link Function} that writes the
 * reply; an optional fixed latency simulates a real server. Lightweight on purpose (the JDK's HTTP server), so
 * throughput benchmarks measure the generator rather than the fake.
 */
public final class FakeTeacherServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add up to ~40 ms to every reply, which would make the fake, not the generator,
        // the bottleneck of latency-bound benchmarks. Read once, when the JDK's server configuration loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Handler threads are named so benchmarks can tell the fake's CPU time from the generator's. */
    public static final String THREAD_PREFIX = "fake-teacher-";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<String, String> responder;
    private final Duration latency;
    private final AtomicLong requests = new AtomicLong();

    private FakeTeacherServer(Function<String, String> responder, Duration latency, int threads, int port)
            throws IOException {
        this.responder = responder;
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        AtomicLong threadNumber = new AtomicLong();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, true));
        server.createContext("/api/chat", exchange -> handle(exchange, false));
        server.start();
    }

    /**
     * @param threads handler threads; with a latency, at least the client's concurrency so the fake never queues
     */
    public static FakeTeacherServer start(Function<String, String> responder, Duration latency, int threads)
            throws IOException {
        return new FakeTeacherServer(responder, latency, threads, 0);
    }

    public static FakeTeacherServer start(Function<String, String> responder, Duration latency, int threads, int port)
            throws IOException {
        return new FakeTeacherServer(responder, latency, threads, port);
    }

    /** Base URL for {@code --teacher-api openai}. */
    public String openAiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Base URL for {@code --teacher-api ollama}. */
    public String ollamaUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange, boolean openAi) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String prompt = lastUserMessage(body);
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            String reply = responder.apply(prompt);
            long promptTokens = Math.max(1, prompt.length() / 4);
            long completionTokens = Math.max(1, reply.length() / 4);
            ObjectNode out = openAi
                    ? openAiReply(body, reply, promptTokens, completionTokens)
                    : ollamaReply(body, reply, promptTokens, completionTokens);
            byte[] bytes = JSON.writeValueAsBytes(out);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastUserMessage(JsonNode body) {
        String last = "";
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                last = message.path("content").asText();
            }
        }
        return last;
    }

    private static ObjectNode openAiReply(JsonNode request, String reply, long in, long out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", request.path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return root;
    }

    private static ObjectNode ollamaReply(JsonNode request, String reply, long in, long out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", request.path("model").asText());
        root.put("created_at", "2026-01-01T00:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", reply);
        root.put("done", true);
        root.put("done_reason", "stop");
        root.put("prompt_eval_count", in);
        root.put("eval_count", out);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
