package dev.instructgen.teacher.pool;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PoolEndpoint;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyLimiter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One endpoint of a pool: its own stack below the pool (adaptive concurrency, metering, adapter), the requests
 * outstanding on it, its breaker state and its counters.
 *
 * <p>The breaker is the drain: after {@link #TRIP} attempts in a row that could not reach the endpoint
 * (connection refused or reset, timeout, 5xx) it opens: the endpoint is marked down and gets no new requests.
 * Its health probe (the backend's check before a run, {@code GET /models} or {@code /api/tags}) is the half-open
 * state: when it answers, the endpoint rejoins. Any answer in between also closes it. Three in a row rather than
 * a share of a window: a replica that died refuses every connection at once, while one failing now and then must
 * keep its traffic (the retry layer above handles those).
 */
final class PoolMember {

    static final int TRIP = 3;

    private final PoolEndpoint endpoint;
    private final TeacherClient client;
    private final AdaptiveConcurrencyLimiter limiter;
    private final BooleanSupplier probe;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger unreachableInARow = new AtomicInteger();
    private volatile boolean up;
    final EndpointCounters counters = new EndpointCounters();

    /**
     * @param client this endpoint's stack, already limited by {@code limiter}
     * @param probe  true when the endpoint answers its health check
     * @param up     whether it starts in the pool (false: it did not answer the check before the run)
     */
    PoolMember(PoolEndpoint endpoint, TeacherClient client, AdaptiveConcurrencyLimiter limiter,
               BooleanSupplier probe, boolean up) {
        this.endpoint = endpoint;
        this.client = client;
        this.limiter = limiter;
        this.probe = probe;
        this.up = up;
    }

    PoolEndpoint endpoint() {
        return endpoint;
    }

    TeacherClient client() {
        return client;
    }

    boolean isUp() {
        return up;
    }

    /** Outstanding requests per unit of weight, counting the one about to be sent: the routing score. */
    double load() {
        return (outstanding.get() + 1.0) / endpoint.weight();
    }

    /** Whether this endpoint has a free slot under its adaptive limit. */
    boolean hasRoom() {
        return outstanding.get() < limiter.limit();
    }

    void begin() {
        outstanding.incrementAndGet();
        counters.onSent();
    }

    void answered(Duration latency) {
        outstanding.decrementAndGet();
        unreachableInARow.set(0);
        up = true;
        counters.onAnswer(latency);
    }

    /** @return whether this failure drained the endpoint */
    boolean failed(FaultKind kind) {
        outstanding.decrementAndGet();
        counters.onFailure(kind);
        boolean unreachable = kind == FaultKind.CONNECTION || kind == FaultKind.TIMEOUT
                || kind == FaultKind.SERVER_ERROR;
        if (!unreachable) {
            unreachableInARow.set(0);
            return false;
        }
        if (unreachableInARow.incrementAndGet() >= TRIP && up) {
            up = false;
            counters.onDrained();
            return true;
        }
        return false;
    }

    /** A request that ended otherwise (a fatal answer, a stop): it proves nothing about the endpoint. */
    void ended() {
        outstanding.decrementAndGet();
    }

    /** Runs the health probe of a drained endpoint; it rejoins when the probe answers. */
    boolean checkHealth() {
        if (!up && probe.getAsBoolean()) {
            unreachableInARow.set(0);
            up = true;
            return true;
        }
        return false;
    }

    EndpointReport report(long allAnswers) {
        return counters.report(endpoint.name(), endpoint.model(), endpoint.weight(), up, limiter.limit(),
                outstanding.get(), allAnswers);
    }
}
