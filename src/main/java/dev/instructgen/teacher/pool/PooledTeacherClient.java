package dev.instructgen.teacher.pool;

import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One logical teacher over several replicas of the same model (docs/teacher.md, "A pool of endpoints").
 *
 * <p>Routing is least outstanding requests, weighted: each attempt goes to the endpoint that is up, has room under
 * its adaptive limit, and has the fewest requests outstanding per unit of weight (ties to the one listed first).
 * Least-outstanding routing sends more work to a faster replica without knowing its speed: it answers sooner, so
 * its count drops sooner (the "join the shortest queue" policy, Envoy's {@code LEAST_REQUEST} load balancer). The
 * choice and the count are taken together under one lock, so a burst of requests spreads instead of piling onto
 * the endpoint that looked emptiest a moment ago.
 *
 * <p>An attempt that fails on its endpoint with a transient fault is tried at once on another endpoint that is up
 * (reported to the metrics as a retried fault, so the counters add up); only when no untried endpoint is left does
 * the fault go up to the retry layer and its backoff. A dead endpoint is drained (see {@link PoolMember}) and
 * probed every {@link #PROBE_INTERVAL} until it answers again.
 */
public final class PooledTeacherClient implements TeacherClient {

    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final List<PoolMember> members;
    private final TeacherMetrics metrics;
    private final LongSupplier nanoTime;
    private final Consumer<String> warnings;
    private final TeacherIdentity identity;
    private final Object routing = new Object();
    private ScheduledExecutorService prober;

    PooledTeacherClient(List<PoolMember> members, TeacherMetrics metrics, LongSupplier nanoTime,
                        Consumer<String> warnings) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one endpoint");
        }
        this.members = List.copyOf(members);
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.warnings = warnings;
        this.identity = members.get(0).client().identity();
    }

    /** Probes drained endpoints every {@link #PROBE_INTERVAL} on a daemon thread, until {@link #close}. */
    PooledTeacherClient probingInBackground() {
        prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "teacher-pool-probe");
            t.setDaemon(true);
            return t;
        });
        long every = PROBE_INTERVAL.toMillis();
        prober.scheduleWithFixedDelay(this::checkHealth, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        List<PoolMember> tried = new ArrayList<>(members.size());
        while (true) {
            PoolMember member = chooseAndBegin(tried);
            tried.add(member);
            long start = nanoTime.getAsLong();
            try {
                TeacherReply reply = member.client().complete(request);
                member.answered(Duration.ofNanos(nanoTime.getAsLong() - start));
                return reply.answeredBy(member.endpoint().name());
            } catch (RetriableTeacherException fault) {
                if (member.failed(fault.kind())) {
                    warnings.accept("pool endpoint " + member.endpoint().name() + " does not answer ("
                            + fault.kind().key() + "): drained, its requests go to the other endpoints until its "
                            + "health check answers");
                }
                if (!hasUntriedUp(tried)) {
                    throw fault;
                }
                // another endpoint takes this request now; the retry layer hears only of a last failure
                metrics.onFault(request.stage(), fault.kind(), true);
            } catch (RuntimeException | Error other) {
                member.ended();
                throw other;
            }
        }
    }

    /**
     * The endpoint for the next attempt, its outstanding count already raised: among the untried ones that are
     * up, one with room and the least weighted load, else the least loaded (it queues at that endpoint's limit);
     * when none is up (the whole pool is drained), the least loaded of all, so the request still goes out and
     * its failure reaches the breaker and the patience above the pool.
     */
    private PoolMember chooseAndBegin(List<PoolMember> tried) {
        synchronized (routing) {
            PoolMember withRoom = null;
            PoolMember anyUp = null;
            PoolMember any = null;
            for (PoolMember m : members) {
                if (tried.contains(m)) {
                    continue;
                }
                any = lighter(any, m);
                if (m.isUp()) {
                    anyUp = lighter(anyUp, m);
                    if (m.hasRoom()) {
                        withRoom = lighter(withRoom, m);
                    }
                }
            }
            PoolMember chosen = withRoom != null ? withRoom : anyUp != null ? anyUp : any;
            chosen.begin();
            return chosen;
        }
    }

    private static PoolMember lighter(PoolMember best, PoolMember m) {
        return best == null || m.load() < best.load() ? m : best;
    }

    private boolean hasUntriedUp(List<PoolMember> tried) {
        return members.stream().anyMatch(m -> m.isUp() && !tried.contains(m));
    }

    /** Probes every drained endpoint once; those that answer rejoin. */
    public void checkHealth() {
        for (PoolMember m : members) {
            if (m.checkHealth()) {
                warnings.accept("pool endpoint " + m.endpoint().name() + " answers again: back in the pool");
            }
        }
    }

    /** Every endpoint's counters now, in the order they were listed. */
    public List<EndpointReport> reports() {
        long all = members.stream().mapToLong(m -> m.counters.succeeded()).sum();
        return members.stream().map(m -> m.report(all)).toList();
    }

    /**
     * The {@code endpoints} section of stats.json: an object (stats.json's sections are objects) from endpoint
     * name to its counters, in the order the endpoints were listed.
     */
    public Map<String, EndpointReport> section() {
        Map<String, EndpointReport> byName = new LinkedHashMap<>();
        reports().forEach(r -> byName.put(r.endpoint(), r));
        return byName;
    }

    @Override
    public TeacherIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        if (prober != null) {
            prober.shutdownNow();
        }
        members.forEach(m -> m.client().close());
    }
}
