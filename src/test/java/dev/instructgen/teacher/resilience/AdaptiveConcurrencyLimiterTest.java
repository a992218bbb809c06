package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveConcurrencyLimiterTest {

    static List<AdaptiveConcurrencyLimiter.Permit> take(AdaptiveConcurrencyLimiter limiter, int n) {
        List<AdaptiveConcurrencyLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            permits.add(limiter.acquire());
        }
        return permits;
    }

    @Test
    void aStoppingRunEndsTheWaitForASlotAndSendsNothing() throws Exception {
        AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(1);
        limiter.acquire(); // the one slot is taken by a request on the wire
        CancellableSleeper waits = new CancellableSleeper(d -> { });
        ScriptedTeacher teacher = new ScriptedTeacher();
        AdaptiveConcurrencyTeacherClient client = new AdaptiveConcurrencyTeacherClient(teacher, limiter, waits);
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                client.complete(Requests.simple());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(50); // let it block on the limiter

        waits.cancel();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(teacher.calls()).isZero();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void startsAtTheConfiguredConcurrency() {
        assertThat(new AdaptiveConcurrencyLimiter(32).limit()).isEqualTo(32);
    }

    @Test
    void aBurstOf429sHalvesTheLimitOnce() {
        AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(16);

        take(limiter, 10).forEach(limiter::onRateLimited);

        assertThat(limiter.limit()).isEqualTo(8);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void sustained429sKeepHalvingButNeverBelowOne() {
        AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(16);
        List<Integer> limits = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            limiter.onRateLimited(limiter.acquire());
            limits.add(limiter.limit());
        }

        assertThat(limits).containsExactly(8, 4, 2, 1, 1, 1);
    }

    @Test
    void recoversByOneSlotPerWindowOfSuccessesUpToTheMaximum() {
        AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(8);
        limiter.onRateLimited(limiter.acquire());
        assertThat(limiter.limit()).isEqualTo(4);

        for (int i = 0; i < 4; i++) {
            limiter.onSuccess(limiter.acquire());
        }
        assertThat(limiter.limit()).isEqualTo(5);

        for (int i = 0; i < 100; i++) {
            limiter.onSuccess(limiter.acquire());
        }
        assertThat(limiter.limit()).isEqualTo(8);
    }

    @Test
    void holdsAnAttemptBackWhileTheLimitIsInFlight() throws Exception {
        AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(2);
        limiter.onRateLimited(limiter.acquire());
        AdaptiveConcurrencyLimiter.Permit first = limiter.acquire();

        CompletableFuture<AdaptiveConcurrencyLimiter.Permit> second = CompletableFuture.supplyAsync(limiter::acquire);
        assertThatThrownBy(() -> second.get(100, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);

        limiter.onSuccess(first);
        assertThat(second.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void theDecoratorHalvesOn429AndIgnoresOtherFaults() {
        AdaptiveConcurrencyLimiter limiter = new AdaptiveConcurrencyLimiter(8);
        ScriptedTeacher teacher = new ScriptedTeacher()
                .then(ScriptedTeacher.failing(FaultKind.SERVER_ERROR))
                .then(ScriptedTeacher.failing(FaultKind.RATE_LIMITED));
        AdaptiveConcurrencyTeacherClient client = new AdaptiveConcurrencyTeacherClient(teacher, limiter);

        assertThatThrownBy(() -> client.complete(Requests.simple())).isInstanceOf(RetriableTeacherException.class);
        assertThat(limiter.limit()).isEqualTo(8);
        assertThatThrownBy(() -> client.complete(Requests.simple())).isInstanceOf(RetriableTeacherException.class);
        assertThat(limiter.limit()).isEqualTo(4);
        assertThat(client.complete(Requests.simple()).text()).isEqualTo("ok");
        assertThat(limiter.inFlight()).isZero();
    }
}
