package dev.instructgen.teacher.pool;

import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.PoolEndpoint;
import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.OkHttpTransportBuilder;
import dev.instructgen.teacher.log.LoggingTeacherClient;
import dev.instructgen.teacher.metrics.MeteredTeacherClient;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyLimiter;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyTeacherClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the pool layer: per endpoint, the adapter its backend connects (on a transport of its own, sized to its
 * ceiling), with the request log when asked, metered per attempt and held to its own adaptive concurrency limit;
 * and its health probe, the backend's check before a run. Also that check for the whole pool.
 */
public final class PoolAssembly {

    private PoolAssembly() {
    }

    /**
     * @param backends which backend speaks each endpoint's wire format
     * @param warnings told when an endpoint is drained or rejoins, and when a server refuses an optional field
     */
    public static PooledTeacherClient connect(Function<PoolEndpoint, TeacherBackend> backends,
                                              TeacherSettings settings, TeacherMetrics metrics,
                                              Function<String, String> env, Clock clock, Consumer<String> warnings,
                                              RequestLog requests) {
        List<PoolEndpoint> endpoints = settings.pool();
        // who answers now: an endpoint that did not answer the check starts drained rather than costing attempts
        List<Boolean> answering = inParallel(endpoints, e -> answers(backends.apply(e),
                context(settings, e, env, clock, ignored -> { })) == null);
        List<PoolMember> members = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            PoolEndpoint endpoint = endpoints.get(i);
            TeacherSettings own = settings.forEndpoint(endpoint);
            TeacherBackend backend = backends.apply(endpoint);
            OkHttpTransportBuilder http = new OkHttpTransportBuilder(own.concurrency(), own.timeout());
            BackendContext context = new BackendContext(own, env, http, clock, warnings);
            TeacherClient client = backend.connect(context);
            if (settings.logRequests()) {
                client = new LoggingTeacherClient(client, requests, clock, context.apiKey());
            }
            client = new MeteredTeacherClient(client, metrics, System::nanoTime);
            AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(own.concurrency());
            client = new AdaptiveConcurrencyTeacherClient(client, limiter);
            BackendContext probing = context(settings, endpoint, env, clock, ignored -> { });
            members.add(new PoolMember(endpoint, client, limiter, () -> answers(backend, probing) == null,
                    answering.get(i)));
        }
        PooledTeacherClient pool = new PooledTeacherClient(members, metrics, System::nanoTime, warnings);
        metrics.addSection("endpoints", pool::section);
        return pool.probingInBackground();
    }

    /**
     * The check before a run, every endpoint at once: those that do not answer get a warning and start drained,
     * joining when they come up; a pool none of whose endpoints answers stops the run as one endpoint would.
     *
     * @throws FatalTeacherException when no endpoint answers ("no server at ..." for each), or one that answers
     *                               does not serve the model
     */
    public static void probeAll(Function<PoolEndpoint, TeacherBackend> backends, TeacherSettings settings,
                                Function<String, String> env, Consumer<String> warnings) {
        List<PoolEndpoint> endpoints = settings.pool();
        List<FatalTeacherException> failures = inParallel(endpoints, e -> answers(backends.apply(e),
                context(settings, e, env, Clock.systemUTC(), warnings)));
        List<String> down = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            FatalTeacherException failure = failures.get(i);
            if (failure != null && !failure.getMessage().startsWith("no server at")) {
                throw failure; // it answers but lacks the model: as fatal as for one endpoint
            }
            if (failure != null) {
                down.add(failure.getMessage());
            }
        }
        if (down.size() == endpoints.size()) {
            throw new FatalTeacherException(0, down.size() == 1 ? down.get(0)
                    : "none of the pool's " + down.size() + " endpoints answers: " + String.join("; ", down), null);
        }
        for (int i = 0; i < endpoints.size(); i++) {
            if (failures.get(i) != null) {
                warnings.accept("pool endpoint " + endpoints.get(i).name() + " does not answer ("
                        + failures.get(i).getMessage() + "); the run starts without it and it joins when it does");
            }
        }
    }

    private static BackendContext context(TeacherSettings settings, PoolEndpoint endpoint,
                                          Function<String, String> env, Clock clock, Consumer<String> warnings) {
        TeacherSettings own = settings.forEndpoint(endpoint);
        // the probe opens its own short-timeout client; this transport is never started
        return new BackendContext(own, env, new OkHttpTransportBuilder(1, own.timeout()), clock, warnings);
    }

    private static <T> List<T> inParallel(List<PoolEndpoint> endpoints, Function<PoolEndpoint, T> check) {
        List<CompletableFuture<T>> checks = endpoints.stream()
                .map(e -> CompletableFuture.supplyAsync(() -> check.apply(e))).toList();
        return checks.stream().map(CompletableFuture::join).toList();
    }

    /** Null when the endpoint answers its check, else why not. */
    private static FatalTeacherException answers(TeacherBackend backend, BackendContext context) {
        try {
            backend.probe(context, context.warnings());
            return null;
        } catch (FatalTeacherException e) {
            return e;
        }
    }
}
