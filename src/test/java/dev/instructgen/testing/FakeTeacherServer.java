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
    private final AtomicLong listRequests = new AtomicLong();
    private volatile java.util.List<String> served = java.util.List.of();
    private volatile boolean honourMaxTokens;
    private final java.util.List<String> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** Cuts replies longer than the request's max_tokens (4 characters a token), as a real server does. */
    public FakeTeacherServer honouringMaxTokens() {
        honourMaxTokens = true;
        return this;
    }

    /** The chat request bodies received so far (the first 500), in order. */
    public java.util.List<String> requestBodies() {
        synchronized (bodies) {
            return java.util.List.copyOf(bodies);
        }
    }
    private final AtomicLong tokensAnswered = new AtomicLong();
    private final AtomicLong largestReply = new AtomicLong();
    private volatile Function<Long, Fault> faults = n -> Fault.NONE;
    private volatile boolean cachesPrefixes;
    private final java.util.List<String> earlierPrompts = new java.util.ArrayList<>();
    private final AtomicLong promptTokensAnswered = new AtomicLong();
    private final AtomicLong cachedTokensAnswered = new AtomicLong();
    private final AtomicLong completionTokensAnswered = new AtomicLong();

    /** What the fake does instead of answering normally; chosen per request by {@link #injectFaults}. */
    public enum Fault {
        NONE,
        /** 429 with Retry-After: 1 */
        RATE_LIMITED,
        /** 503 with Retry-After: 1 */
        UNAVAILABLE,
        /** 500 with a short body */
        SERVER_ERROR,
        /** 200 whose body is not JSON */
        INVALID_JSON,
        /** 200 with an empty message */
        EMPTY_CONTENT,
        /** 200, the reply cut in half with finish_reason length */
        LENGTH,
        /** the connection closes without a response */
        CONNECTION_DROPPED,
        /** answers only after five seconds (past a short --timeout) */
        HANG
    }

    /**
     * Reports a prompt cache as OpenAI does ({@code usage.prompt_tokens_details.cached_tokens}): the longest prefix
     * a prompt shares with any earlier one, in tokens of four characters, counts as cached.
     */
    public FakeTeacherServer cachingPrefixes() {
        this.cachesPrefixes = true;
        return this;
    }

    /** Prompt, cached prompt and completion tokens of every normal reply so far: what a bill would count. */
    public long[] billedTokens() {
        return new long[] {promptTokensAnswered.get(), cachedTokensAnswered.get(), completionTokensAnswered.get()};
    }

    private long cachedTokensOf(String prompt) {
        if (!cachesPrefixes) {
            return 0;
        }
        synchronized (this) {
            int longest = 0;
            for (String earlier : earlierPrompts) {
                int common = 0;
                int max = Math.min(prompt.length(), earlier.length());
                while (common < max && prompt.charAt(common) == earlier.charAt(common)) {
                    common++;
                }
                longest = Math.max(longest, common);
            }
            earlierPrompts.add(prompt);
            return longest / 4;
        }
    }

    /** Chooses a fault for the n-th request (1-based); NONE answers normally. */
    public void injectFaults(Function<Long, Fault> plan) {
        this.faults = plan;
    }

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
        // The check before a run lists the served models; chat requests answer for any model name regardless.
        server.createContext("/v1/models", exchange -> listModels(exchange, true));
        server.createContext("/api/tags", exchange -> listModels(exchange, false));
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

    /** Chat requests received (the model-list check before a run is not one). */
    public long requestCount() {
        return requests.get();
    }

    /** Model-list requests received: {@code GET /v1/models} or {@code /api/tags}. */
    public long listRequestCount() {
        return listRequests.get();
    }

    /** The models the list endpoints name (none by default; chat answers any model name anyway). */
    public FakeTeacherServer serving(String... models) {
        this.served = java.util.List.of(models);
        return this;
    }

    private void listModels(HttpExchange exchange, boolean openAi) throws IOException {
        try (exchange) {
            listRequests.incrementAndGet();
            ObjectNode root = JSON.createObjectNode();
            if (openAi) {
                root.put("object", "list");
                var data = root.putArray("data");
                served.forEach(m -> data.addObject().put("id", m).put("object", "model").put("owned_by", "fake"));
            } else {
                var models = root.putArray("models");
                served.forEach(m -> models.addObject().put("name", m).put("model", m));
            }
            byte[] bytes = JSON.writeValueAsBytes(root);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    /** Prompt plus completion tokens of every reply the fake sent: what a priced teacher would bill. */
    public long tokensAnswered() {
        return tokensAnswered.get();
    }

    /** The most tokens (prompt plus completion) of any one reply, to bound what requests in flight cost. */
    public long largestReplyTokens() {
        return largestReply.get();
    }

    private void handle(HttpExchange exchange, boolean openAi) throws IOException {
        try (exchange) {
            Fault fault = faults.apply(requests.incrementAndGet());
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (bodies.size() < 500) {
                bodies.add(body.toString());
            }
            String prompt = lastUserMessage(body);
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            if (answeredWithFault(exchange, fault)) {
                return;
            }
            String reply = responder.apply(prompt);
            boolean cut = fault == Fault.LENGTH;
            JsonNode limit = openAi ? body.path("max_tokens").isMissingNode() ? body.path("max_completion_tokens")
                    : body.path("max_tokens") : body.path("options").path("num_predict");
            if (honourMaxTokens && limit.canConvertToInt() && reply.length() > limit.asInt() * 4) {
                reply = reply.substring(0, limit.asInt() * 4);
                cut = true;
            } else if (cut) {
                reply = reply.substring(0, reply.length() / 2);
            } else if (fault == Fault.EMPTY_CONTENT) {
                reply = "";
            }
            long promptTokens = Math.max(1, prompt.length() / 4);
            long completionTokens = Math.max(1, reply.length() / 4);
            long cached = Math.min(promptTokens, cachedTokensOf(prompt));
            ObjectNode out = openAi
                    ? openAiReply(body, reply, promptTokens, completionTokens, cut ? "length" : "stop")
                    : ollamaReply(body, reply, promptTokens, completionTokens, cut ? "length" : "stop");
            if (openAi && cached > 0) {
                ((ObjectNode) out.path("usage")).putObject("prompt_tokens_details").put("cached_tokens", cached);
            }
            byte[] bytes = JSON.writeValueAsBytes(out);
            promptTokensAnswered.addAndGet(promptTokens);
            cachedTokensAnswered.addAndGet(openAi ? cached : 0);
            completionTokensAnswered.addAndGet(completionTokens);
            tokensAnswered.addAndGet(promptTokens + completionTokens);
            largestReply.accumulateAndGet(promptTokens + completionTokens, Math::max);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the fault's answer when it replaces the normal one; true when the exchange is done. */
    private static boolean answeredWithFault(HttpExchange exchange, Fault fault) throws IOException,
            InterruptedException {
        switch (fault) {
            case RATE_LIMITED -> sendStatus(exchange, 429, "1", "{\"error\":{\"message\":\"slow down\"}}");
            case UNAVAILABLE -> sendStatus(exchange, 503, "1", "{\"error\":{\"message\":\"loading\"}}");
            case SERVER_ERROR -> sendStatus(exchange, 500, null, "{\"error\":{\"message\":\"boom\"}}");
            case INVALID_JSON -> sendStatus(exchange, 200, null, "<html>this is not json");
            case CONNECTION_DROPPED -> {
                // returning without a response: the exchange closes and the client sees the connection end
            }
            case HANG -> {
                Thread.sleep(5_000);
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void sendStatus(HttpExchange exchange, int status, String retryAfter, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
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

    private static ObjectNode openAiReply(JsonNode request, String reply, long in, long out, String finish) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", request.path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply);
        choice.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return root;
    }

    private static ObjectNode ollamaReply(JsonNode request, String reply, long in, long out, String finish) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", request.path("model").asText());
        root.put("created_at", "2026-01-01T00:00:00Z");
        root.putObject("message").put("role", "assistant").put("content", reply);
        root.put("done", true);
        root.put("done_reason", finish);
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
