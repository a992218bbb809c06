package dev.instructgen.review.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.instructgen.review.ReviewJournal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code instructgen review}: a page on 127.0.0.1 to browse a run's examples and rejected candidates and
 * record decisions in reviews.jsonl. Built on the JDK's own HTTP server; one person, a few requests a
 * second, so two threads are plenty.
 */
public final class ReviewServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final ReviewJournal journal;
    private final RequestGuard guard;

    private ReviewServer(HttpServer server, ExecutorService executor, ReviewJournal journal, RequestGuard guard) {
        this.server = server;
        this.executor = executor;
        this.journal = journal;
        this.guard = guard;
    }

    /** Starts serving {@code runDir} on 127.0.0.1; port 0 picks a free one. */
    public static ReviewServer start(Path runDir, int port, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        RequestGuard guard = new RequestGuard(RequestGuard.newToken(), server.getAddress().getPort());
        ReviewJournal journal = ReviewJournal.open(runDir);
        ReviewApi api = new ReviewApi(runDir, new RunRecords(runDir), journal, clock);
        byte[] page = page();
        server.createContext("/", exchange -> guarded(guard, exchange, () -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "text/html; charset=utf-8", page);
            }
        }));
        server.createContext("/api/", exchange -> guarded(guard, exchange, () -> api.handle(exchange)));
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "review-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new ReviewServer(server, executor, journal, guard);
    }

    /** The address to open, with the access token. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + guard.token();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        journal.close();
    }

    interface Handler {
        void handle() throws IOException;
    }

    private static void guarded(RequestGuard guard, HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            String refusal = guard.refusal(exchange);
            if (refusal != null) {
                exchange.getRequestBody().readAllBytes();
                send(exchange, 403, "text/plain", ("forbidden: " + refusal).getBytes(StandardCharsets.UTF_8));
                return;
            }
            handler.handle();
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] page() {
        try (InputStream in = ReviewServer.class.getResourceAsStream("/review/review.html")) {
            if (in == null) {
                throw new IllegalStateException("review/review.html is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
