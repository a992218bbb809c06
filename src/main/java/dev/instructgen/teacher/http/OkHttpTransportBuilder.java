package dev.instructgen.teacher.http;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds {@link OkHttpTransport}s that all share one connection pool and one dispatcher, sized for the run's
 * concurrency. The pool matters most: OkHttp keeps 5 idle connections by default, and at a higher concurrency
 * it would reconnect constantly. The dispatcher's limits (5 per host by default) apply only to asynchronous
 * calls, which streaming uses; chat calls are synchronous and limited by the engine's workers instead.
 *
 * <p>Passed to the LangChain4j model with {@code .httpClientBuilder(...)}; deliberately not registered through
 * {@code META-INF/services}, where a second client makes model construction fail. The model calls
 * {@link #connectTimeout} and {@link #readTimeout} with its own {@code .timeout(...)}; we also use the read
 * timeout as OkHttp's whole-call timeout, so a server that trickles bytes cannot hold a request past it.
 *
 * <p>Call {@link #close()} once the run is done to stop the dispatcher threads and drop idle connections.
 */
public final class OkHttpTransportBuilder implements HttpClientBuilder, AutoCloseable {

    private static final Duration IDLE_KEEP_ALIVE = Duration.ofMinutes(5);

    private final OkHttpClient shared;
    private Duration connectTimeout;
    private Duration readTimeout;

    public OkHttpTransportBuilder(int concurrency, Duration timeout) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        this.shared = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, IDLE_KEEP_ALIVE.toMinutes(), TimeUnit.MINUTES))
                // We retry in our own layer with backoff; OkHttp's silent retry would hide faults from it.
                .retryOnConnectionFailure(false)
                .build();
        this.connectTimeout = timeout;
        this.readTimeout = timeout;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public OkHttpTransportBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
            this.connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public OkHttpTransportBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
            this.readTimeout = timeout;
        }
        return this;
    }

    /** A client with this builder's timeouts; it shares the pool and dispatcher with every other one built. */
    @Override
    public HttpClient build() {
        return new OkHttpTransport(shared.newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(readTimeout)
                .build());
    }

    /** The dispatcher's limit on concurrent asynchronous calls (equal to the concurrency asked for). */
    public int maxRequestsPerHost() {
        return shared.dispatcher().getMaxRequestsPerHost();
    }

    @Override
    public void close() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }
}
