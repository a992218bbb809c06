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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A loopback fake of the OpenAI Batch API: {@code POST /v1/files} (multipart, purpose=batch), {@code POST /v1/batches},
 * {@code GET /v1/batches[/{id}]}, {@code GET /v1/files/{id}/content}, plus {@code GET /v1/models} for the check
 * before a run and {@code POST /v1/chat/completions} for synchronous fallback. A batch moves one state per look
 * (validating, in_progress, finalizing, then its end), and ends as its {@link Plan} says: completed, completed with
 * some lines in the error file, expired half-way (the rest {@code batch_expired}) or failed in validation. It counts
 * how often each custom_id was submitted in a created batch, so a test can prove nothing was paid for twice.
 */
public final class FakeBatchServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the n-th batch (1-based) ends. */
    public enum Plan { COMPLETE, PARTIAL_ERRORS, EXPIRE, FAIL }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<String, String> responder;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, Integer> submissions = new ConcurrentHashMap<>();
    private final AtomicInteger uploadsStarted = new AtomicInteger();
    private final AtomicInteger downloadsStarted = new AtomicInteger();
    private final AtomicInteger chatRequests = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile IntFunction<Plan> plans = n -> Plan.COMPLETE;
    private volatile Duration uploadDelay = Duration.ZERO;
    private volatile Duration downloadDelay = Duration.ZERO;
    private volatile int lookupsPerState = 1;

    private static final class Batch {
        final String id;
        final String inputFileId;
        final int number;
        final Plan plan;
        final List<JsonNode> lines;
        String state = "validating";
        int looks;
        String outputFileId;
        String errorFileId;
        long completed;
        long failed;

        Batch(String id, String inputFileId, int number, Plan plan, List<JsonNode> lines) {
            this.id = id;
            this.inputFileId = inputFileId;
            this.number = number;
            this.plan = plan;
            this.lines = lines;
        }
    }

    private FakeBatchServer(Function<String, String> responder) throws IOException {
        this.responder = responder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/files", this::files);
        server.createContext("/v1/batches", this::batches);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    /** @param responder writes the reply to a request's last user message */
    public static FakeBatchServer start(Function<String, String> responder) throws IOException {
        return new FakeBatchServer(responder);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** How each batch ends, by its number (1 for the first batch created). */
    public FakeBatchServer planning(IntFunction<Plan> plan) {
        this.plans = plan;
        return this;
    }

    /** Uploads and downloads take this long, so a test can kill a client in the middle of one. */
    public FakeBatchServer slowTransfers(Duration upload, Duration download) {
        this.uploadDelay = upload;
        this.downloadDelay = download;
        return this;
    }

    /** Looks a batch stays in each state (1 by default). */
    public FakeBatchServer lookupsPerState(int n) {
        this.lookupsPerState = n;
        return this;
    }

    public int uploadsStarted() {
        return uploadsStarted.get();
    }

    public int downloadsStarted() {
        return downloadsStarted.get();
    }

    public int chatRequests() {
        return chatRequests.get();
    }

    public synchronized int batchesCreated() {
        return batches.size();
    }

    /** States of the batches created so far, in order. */
    public synchronized List<String> states() {
        return batches.values().stream().map(b -> b.state).toList();
    }

    /** How often each custom_id went into a created batch. */
    public Map<String, Integer> submissionsByCustomId() {
        return Map.copyOf(submissions);
    }

    private void models(HttpExchange exchange) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        root.putArray("data").addObject().put("id", "batch-model").put("object", "model");
        send(exchange, 200, JSON.writeValueAsBytes(root));
    }

    private void files(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/files")) {
            uploadsStarted.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            pause(uploadDelay);
            String text = new String(body, StandardCharsets.UTF_8);
            if (!text.contains("name=\"purpose\"") || !text.contains("batch")) {
                send(exchange, 400, error("purpose must be batch"));
                return;
            }
            String id = "file-" + ids.incrementAndGet();
            files.put(id, filePart(text).getBytes(StandardCharsets.UTF_8));
            send(exchange, 200, JSON.writeValueAsBytes(JSON.createObjectNode().put("id", id)
                    .put("object", "file").put("purpose", "batch")));
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.endsWith("/content")) {
            downloadsStarted.incrementAndGet();
            pause(downloadDelay);
            String id = path.substring("/v1/files/".length(), path.length() - "/content".length());
            byte[] content = files.get(id);
            send(exchange, content == null ? 404 : 200, content == null ? error("no file " + id) : content);
            return;
        }
        send(exchange, 404, error("not here"));
    }

    /** The content of the multipart part named "file" (the fake's uploads are small and ASCII-safe JSON). */
    private static String filePart(String body) {
        int name = body.indexOf("name=\"file\"");
        int start = body.indexOf("\r\n\r\n", name) + 4;
        int end = body.indexOf("\r\n--", start);
        return body.substring(start, end);
    }

    private void batches(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST")) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (!"24h".equals(request.path("completion_window").asText())
                    || !"/v1/chat/completions".equals(request.path("endpoint").asText())) {
                send(exchange, 400, error("completion_window must be 24h and endpoint /v1/chat/completions"));
                return;
            }
            byte[] input = files.get(request.path("input_file_id").asText());
            if (input == null) {
                send(exchange, 400, error("no such file"));
                return;
            }
            send(exchange, 200, JSON.writeValueAsBytes(view(create(request.path("input_file_id").asText(), input))));
            return;
        }
        if (path.equals("/v1/batches") || path.equals("/v1/batches/")) {
            ObjectNode list = JSON.createObjectNode().put("object", "list").put("has_more", false);
            var data = list.putArray("data");
            synchronized (this) {
                List<Batch> newestFirst = new ArrayList<>(batches.values());
                java.util.Collections.reverse(newestFirst);
                newestFirst.forEach(b -> data.add(view(b)));
            }
            send(exchange, 200, JSON.writeValueAsBytes(list));
            return;
        }
        String id = path.substring("/v1/batches/".length());
        Batch batch;
        synchronized (this) {
            batch = batches.get(id);
            if (batch != null) {
                advance(batch);
            }
        }
        send(exchange, batch == null ? 404 : 200, batch == null ? error("no batch " + id)
                : JSON.writeValueAsBytes(view(batch)));
    }

    private synchronized Batch create(String fileId, byte[] input) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(input, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                lines.add(node);
                submissions.merge(node.path("custom_id").asText(), 1, Integer::sum);
            }
        }
        int number = batches.size() + 1;
        Batch batch = new Batch("batch_" + ids.incrementAndGet(), fileId, number, plans.apply(number), lines);
        batches.put(batch.id, batch);
        return batch;
    }

    /** One step along validating, in_progress, finalizing, then the planned end, every lookupsPerState looks. */
    private void advance(Batch b) throws IOException {
        if (++b.looks < lookupsPerState) {
            return;
        }
        b.looks = 0;
        switch (b.state) {
            case "validating" -> b.state = b.plan == Plan.FAIL ? "failed" : "in_progress";
            case "in_progress" -> {
                if (b.plan == Plan.EXPIRE) {
                    finish(b, "expired");
                } else {
                    b.state = "finalizing";
                }
            }
            case "finalizing" -> finish(b, "completed");
            default -> { }
        }
    }

    private void finish(Batch b, String end) throws IOException {
        StringBuilder output = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < b.lines.size(); i++) {
            JsonNode line = b.lines.get(i);
            String customId = line.path("custom_id").asText();
            boolean expired = b.plan == Plan.EXPIRE && i % 2 == 1;
            boolean broken = b.plan == Plan.PARTIAL_ERRORS && i % 3 == 2;
            ObjectNode out = JSON.createObjectNode().put("id", "batch_req_" + ids.incrementAndGet())
                    .put("custom_id", customId);
            if (expired) {
                out.putNull("response");
                out.putObject("error").put("code", "batch_expired")
                        .put("message", "This request could not be executed before the completion window expired.");
                errors.append(JSON.writeValueAsString(out)).append('\n');
                b.failed++;
            } else if (broken) {
                ObjectNode response = out.putObject("response").put("status_code", 500).put("request_id", "req");
                response.putObject("body").putObject("error").put("message", "The server had an error");
                out.putNull("error");
                errors.append(JSON.writeValueAsString(out)).append('\n');
                b.failed++;
            } else {
                ObjectNode response = out.putObject("response").put("status_code", 200).put("request_id", "req");
                response.set("body", completion(line.path("body")));
                out.putNull("error");
                output.append(JSON.writeValueAsString(out)).append('\n');
                b.completed++;
            }
        }
        if (!output.isEmpty()) {
            b.outputFileId = "file-" + ids.incrementAndGet();
            files.put(b.outputFileId, output.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!errors.isEmpty()) {
            b.errorFileId = "file-" + ids.incrementAndGet();
            files.put(b.errorFileId, errors.toString().getBytes(StandardCharsets.UTF_8));
        }
        b.state = end;
    }

    private ObjectNode completion(JsonNode body) {
        JsonNode messages = body.path("messages");
        String prompt = messages.path(messages.size() - 1).path("content").asText();
        String reply = responder.apply(prompt);
        ObjectNode root = JSON.createObjectNode().put("object", "chat.completion").put("model",
                body.path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", reply);
        root.putObject("usage").put("prompt_tokens", prompt.length() / 4 + 1)
                .put("completion_tokens", reply.length() / 4 + 1);
        return root;
    }

    private ObjectNode view(Batch b) {
        ObjectNode node = JSON.createObjectNode().put("id", b.id).put("object", "batch")
                .put("endpoint", "/v1/chat/completions").put("input_file_id", b.inputFileId)
                .put("completion_window", "24h").put("status", b.state);
        if (b.outputFileId != null) {
            node.put("output_file_id", b.outputFileId);
        } else {
            node.putNull("output_file_id");
        }
        if (b.errorFileId != null) {
            node.put("error_file_id", b.errorFileId);
        } else {
            node.putNull("error_file_id");
        }
        if (b.state.equals("failed")) {
            node.putObject("errors").put("object", "list").putArray("data").addObject()
                    .put("code", "invalid_request").put("message", "the fake refused batch " + b.number);
        }
        node.putObject("request_counts").put("total", b.lines.size()).put("completed", b.completed)
                .put("failed", b.failed);
        return node;
    }

    private void chat(HttpExchange exchange) throws IOException {
        chatRequests.incrementAndGet();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        ObjectNode completion = completion(body);
        completion.put("id", "chatcmpl-" + ids.incrementAndGet()).put("created", 0);
        send(exchange, 200, JSON.writeValueAsBytes(completion));
    }

    private static byte[] error(String message) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message);
        return JSON.writeValueAsBytes(root);
    }

    private static void pause(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
