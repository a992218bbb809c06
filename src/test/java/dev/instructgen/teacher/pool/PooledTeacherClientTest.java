package dev.instructgen.teacher.pool;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.PoolEndpoint;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyLimiter;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PooledTeacherClientTest {

    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final TeacherRequest REQUEST = TeacherRequest.ofUserPrompt("generate", "hi", Sampling.greedy(8));

    /** An endpoint that answers, or refuses connections while {@code down} is set. */
    private static final class Replica implements TeacherClient {
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch hold;
        final AtomicInteger entered = new AtomicInteger();

        @Override
        public TeacherReply complete(TeacherRequest request) {
            calls.incrementAndGet();
            if (down.get()) {
                throw new RetriableTeacherException(FaultKind.CONNECTION, "connection refused", null, null);
            }
            entered.incrementAndGet();
            if (hold != null) {
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new TeacherReply("ok", FinishReason.STOP, new TokenUsage(1, 1), Duration.ZERO);
        }

        @Override
        public TeacherIdentity identity() {
            return new TeacherIdentity(TeacherApi.OPENAI, "m", "replica");
        }
    }

    private static final class CountingMetrics implements TeacherMetrics {
        final List<String> faults = new ArrayList<>();

        @Override
        public void onSuccess(String stage, TeacherReply reply) {
        }

        @Override
        public synchronized void onFault(String stage, FaultKind kind, boolean willRetry) {
            faults.add(kind.key() + (willRetry ? " retried" : " failed"));
        }
    }

    private static PoolMember member(int port, int weight, Replica replica, AtomicBoolean probeAnswers) {
        PoolEndpoint endpoint = new PoolEndpoint(URI.create("http://127.0.0.1:" + port + "/v1"), weight, 0,
                TeacherApi.OPENAI, "m");
        return new PoolMember(endpoint, replica, new AdaptiveConcurrencyLimiter(16), probeAnswers::get, true);
    }

    @Test
    void aRequestTheFirstEndpointCannotReachIsAnsweredByAnotherAtOnce() {
        Replica a = new Replica();
        Replica b = new Replica();
        a.down.set(true);
        CountingMetrics metrics = new CountingMetrics();
        PooledTeacherClient pool = new PooledTeacherClient(List.of(member(1, 1, a, new AtomicBoolean()),
                member(2, 1, b, new AtomicBoolean())), metrics, System::nanoTime, warnings::add);

        TeacherReply reply = pool.complete(REQUEST);

        assertThat(reply.endpoint()).isEqualTo("127.0.0.1:2/v1");
        assertThat(metrics.faults).containsExactly("connection retried");
        assertThat(pool.reports().get(0).failures()).containsEntry("connection", 1L);
        assertThat(pool.reports().get(1).share()).isEqualTo(1.0);
    }

    @Test
    void aDeadEndpointIsDrainedAndRejoinsWhenItsHealthProbeAnswers() {
        Replica a = new Replica();
        Replica b = new Replica();
        AtomicBoolean aHealthy = new AtomicBoolean();
        PooledTeacherClient pool = new PooledTeacherClient(List.of(member(1, 1, a, aHealthy),
                member(2, 1, b, new AtomicBoolean())), new CountingMetrics(), System::nanoTime, warnings::add);
        a.down.set(true);
        for (int i = 0; i < PoolMember.TRIP; i++) {
            pool.complete(REQUEST);
        }
        assertThat(pool.reports().get(0).state()).isEqualTo("down");
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("pool endpoint 127.0.0.1:1/v1 does not answer"));
        int callsWhileDown = a.calls.get();

        for (int i = 0; i < 10; i++) {
            pool.complete(REQUEST);
        }
        pool.checkHealth();
        assertThat(a.calls.get()).as("a drained endpoint gets no requests").isEqualTo(callsWhileDown);
        assertThat(pool.reports().get(0).state()).as("its probe does not answer yet").isEqualTo("down");

        a.down.set(false);
        aHealthy.set(true);
        pool.checkHealth();
        pool.complete(REQUEST);

        assertThat(pool.reports().get(0).state()).isEqualTo("up");
        assertThat(a.calls.get()).isEqualTo(callsWhileDown + 1);
        assertThat(warnings).contains("pool endpoint 127.0.0.1:1/v1 answers again: back in the pool");
    }

    @Test
    void requestsGoToTheEndpointWithTheFewestOutstandingPerUnitOfWeight() throws Exception {
        Replica heavy = new Replica();
        Replica light = new Replica();
        CountDownLatch release = new CountDownLatch(1);
        heavy.hold = release;
        light.hold = release;
        PooledTeacherClient pool = new PooledTeacherClient(List.of(member(1, 1, light, new AtomicBoolean()),
                member(2, 3, heavy, new AtomicBoolean())), new CountingMetrics(), System::nanoTime, warnings::add);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> pool.complete(REQUEST));
            thread.start();
            threads.add(thread);
            int expected = i + 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (heavy.entered.get() + light.entered.get() < expected && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(heavy.entered.get()).isEqualTo(6);
        assertThat(light.entered.get()).isEqualTo(2);
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void whenEveryEndpointFailsTheLastFaultGoesUpToTheRetryLayer() {
        Replica a = new Replica();
        Replica b = new Replica();
        a.down.set(true);
        b.down.set(true);
        CountingMetrics metrics = new CountingMetrics();
        PooledTeacherClient pool = new PooledTeacherClient(List.of(member(1, 1, a, new AtomicBoolean()),
                member(2, 1, b, new AtomicBoolean())), metrics, System::nanoTime, warnings::add);

        assertThatThrownBy(() -> pool.complete(REQUEST)).isInstanceOf(RetriableTeacherException.class);
        assertThat(metrics.faults).as("only the failover is reported here; the retry layer reports the last")
                .containsExactly("connection retried");
    }
}
