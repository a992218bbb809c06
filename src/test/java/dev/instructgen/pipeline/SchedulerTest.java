package dev.instructgen.pipeline;

import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {

    private static Duration noGrace(StopReason r) {
        return Duration.ZERO;
    }

    /** A job that runs a body; the body may submit follow-up jobs. */
    private record SimpleJob(String stage, int priority, Runnable body) implements Job {
        @Override
        public void run() {
            body.run();
        }
    }

    @Test
    void stopsProposingOnceTheTargetIsReached() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger proposals = new AtomicInteger();
        int target = 500;
        Object gate = new Object();
        Scheduler scheduler = new Scheduler(16,
                () -> accepted.get() >= target ? Optional.of(StopReason.TARGET_REACHED) : Optional.empty(),
                (j, e) -> { });
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            proposals.incrementAndGet();
            // each proposal yields three candidates racing for the last slots (the gate stands in for
            // RunContext.accept, which refuses anything past the target)
            for (int i = 0; i < 3; i++) {
                synchronized (gate) {
                    if (accepted.get() < target) {
                        accepted.incrementAndGet();
                        written.incrementAndGet();
                    }
                }
            }
        });

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(written.get()).isEqualTo(target);
        // the stop check runs before every job: at most one proposal per worker starts after the target
        assertThat(proposals.get()).isBetween((target + 2) / 3, (target + 2) / 3 + 16);
    }

    @Test
    void keepsTheConfiguredNumberOfJobsInFlight() throws Exception {
        int workers = 8;
        CountDownLatch allIn = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        Scheduler scheduler = new Scheduler(workers,
                () -> started.get() >= 40 && running.get() == 0
                        ? Optional.of(StopReason.TARGET_REACHED) : Optional.empty(),
                (j, e) -> { });
        JobSource source = () -> started.get() >= 40 ? null : new SimpleJob("propose", Priorities.PROPOSE, () -> {
            if (started.incrementAndGet() == 1) {
                return; // the first job runs alone, to check the teacher once before going wide
            }
            maxSeen.accumulateAndGet(running.incrementAndGet(), Math::max);
            allIn.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        });
        Thread releaser = new Thread(() -> {
            try {
                allIn.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                return;
            }
            release.countDown();
        });
        releaser.start();

        scheduler.run(source, SchedulerTest::noGrace);

        assertThat(maxSeen.get()).isEqualTo(workers);
    }

    @Test
    void aJobWaitingToRetryLendsItsSlotToAnotherJob() throws Exception {
        Scheduler scheduler = new Scheduler(2, 4, Optional::empty, (j, e) -> { });
        var backoffs = scheduler.backoffObserver();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        CountDownLatch sixIn = new CountDownLatch(6);
        JobSource source = () -> started.get() >= 7 ? null : new SimpleJob("propose", Priorities.PROPOSE, () -> {
            if (started.incrementAndGet() == 1) {
                return; // the warm-up job
            }
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            backoffs.waiting(); // as the retry layer does around its sleep
            sixIn.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                backoffs.resumed();
                running.decrementAndGet();
            }
        });
        Thread stopper = new Thread(() -> {
            try {
                sixIn.await(5, TimeUnit.SECONDS);
                Thread.sleep(50); // no seventh job may start: all six lendable places are taken
                release.countDown();
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                return;
            }
            scheduler.requestStop(StopReason.INTERRUPTED, "test over");
        });
        stopper.start();

        scheduler.run(source, SchedulerTest::noGrace);

        // 2 slots + 4 lent, every job waiting: six at once, never more
        assertThat(maxRunning.get()).isEqualTo(6);
        assertThat(started.get()).isEqualTo(7);
    }

    @Test
    void whenEveryJobUnderWayWaitsToRetryTheSourceIsAskedForWorkAnyway() throws Exception {
        Scheduler scheduler = new Scheduler(1, 3, Optional::empty, (j, e) -> { });
        var backoffs = scheduler.backoffObserver();
        CountDownLatch hedged = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        JobSource source = new JobSource() {
            @Override
            public Job next() {
                // the warm-up job, then one job that "retries"; then the source holds back (enough under way)
                return started.get() < 2 ? new SimpleJob("propose", Priorities.PROPOSE, this::work) : null;
            }

            private void work() {
                if (started.incrementAndGet() == 2) {
                    backoffs.waiting();
                    try {
                        hedged.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        backoffs.resumed();
                    }
                    order.add("retried");
                }
            }

            @Override
            public Job nextWhileAllWait() {
                return order.contains("hedge") ? null : new SimpleJob("propose", Priorities.PROPOSE, () -> {
                    order.add("hedge");
                    hedged.countDown();
                });
            }

            @Override
            public boolean exhausted() {
                return true;
            }
        };

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(order).containsExactly("hedge", "retried");
        assertThat(outcome.reason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
    }

    @Test
    void withoutBackoffsNoJobRunsBeyondTheSlotsEvenWithWorkersToLend() throws Exception {
        Scheduler scheduler = new Scheduler(3, 9, Optional::empty, (j, e) -> { });
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        JobSource source = () -> started.get() >= 60 ? null : new SimpleJob("propose", Priorities.PROPOSE, () -> {
            started.incrementAndGet();
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        });
        source = withEnd(source, started, 60);

        scheduler.run(source, SchedulerTest::noGrace);

        assertThat(maxRunning.get()).isEqualTo(3);
    }

    private static JobSource withEnd(JobSource inner, AtomicInteger started, int last) {
        return new JobSource() {
            @Override
            public Job next() {
                return inner.next();
            }

            @Override
            public boolean exhausted() {
                return started.get() >= last;
            }
        };
    }

    @Test
    void runsDownstreamJobsBeforeAskingForNewProposals() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger proposals = new AtomicInteger();
        Scheduler[] holder = new Scheduler[1];
        holder[0] = new Scheduler(1,
                () -> order.size() >= 9 ? Optional.of(StopReason.TARGET_REACHED) : Optional.empty(),
                (j, e) -> { });
        JobSource source = () -> {
            int n = proposals.incrementAndGet();
            return new SimpleJob("propose", Priorities.PROPOSE, () -> {
                order.add("propose" + n);
                // queued in the "wrong" order on purpose: the judge must wait for the finishing job
                holder[0].submit(new SimpleJob("judge", Priorities.JUDGE, () -> order.add("judge" + n)));
                holder[0].submit(new SimpleJob("finish", Priorities.FINISH, () -> order.add("finish" + n)));
            });
        };

        holder[0].run(source, SchedulerTest::noGrace);

        assertThat(order.subList(0, 9)).containsExactly(
                "propose1", "finish1", "judge1", "propose2", "finish2", "judge2", "propose3", "finish3", "judge3");
    }

    @Test
    void stopsOnAFatalTeacherFailureAndReportsIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Scheduler scheduler = new Scheduler(4, Optional::empty, (j, e) -> { });
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            calls.incrementAndGet();
            throw new FatalTeacherException(401, "the teacher rejected the API key (HTTP 401)", null);
        });

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.TEACHER_FATAL);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.failure()).isInstanceOf(FatalTeacherException.class);
        assertThat(outcome.detail()).contains("HTTP 401");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void runsASingleJobUntilTheFirstOneSucceeds() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxBeforeSuccess = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Scheduler scheduler = new Scheduler(6,
                () -> done.get() >= 20 ? Optional.of(StopReason.TARGET_REACHED) : Optional.empty(), (j, e) -> { });
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            int now = running.incrementAndGet();
            try {
                if (attempts.incrementAndGet() <= 3) {
                    maxBeforeSuccess.accumulateAndGet(now, Math::max);
                    throw new RetriableTeacherException(FaultKind.CONNECTION, "refused", null, null);
                }
                done.incrementAndGet();
            } finally {
                running.decrementAndGet();
            }
        });

        scheduler.run(source, SchedulerTest::noGrace);

        assertThat(maxBeforeSuccess.get()).isEqualTo(1);
        assertThat(done.get()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFailingSourceStopsTheRunInsteadOfHangingIt() throws Exception {
        Scheduler scheduler = new Scheduler(3, Optional::empty, (j, e) -> { });
        JobSource source = () -> {
            throw new dev.instructgen.error.BadInputException("prompt template x.txt: undefined variable");
        };

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.ERROR);
        assertThat(outcome.failure()).isInstanceOf(dev.instructgen.error.BadInputException.class);
    }

    @Test
    void dropsAJobWhoseRequestFailedAfterRetriesAndCarriesOn() throws Exception {
        AtomicInteger done = new AtomicInteger();
        List<String> dropped = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger n = new AtomicInteger();
        Scheduler scheduler = new Scheduler(1,
                () -> done.get() >= 3 ? Optional.of(StopReason.TARGET_REACHED) : Optional.empty(),
                (j, e) -> dropped.add(j.stage() + ": " + e.getMessage()));
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            if (n.incrementAndGet() == 1) {
                throw new RetriableTeacherException(FaultKind.SERVER_ERROR, "HTTP 503 after 5 attempts", null, null);
            }
            done.incrementAndGet();
        });

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(dropped).containsExactly("propose: HTTP 503 after 5 attempts");
    }

    @Test
    void endsCompletedWhenTheSourceIsExhaustedAndNothingIsInFlight() throws Exception {
        AtomicInteger left = new AtomicInteger(5);
        AtomicInteger ran = new AtomicInteger();
        Scheduler scheduler = new Scheduler(3, Optional::empty, (j, e) -> { });
        JobSource source = new JobSource() {
            @Override
            public Job next() {
                return left.getAndDecrement() > 0 ? new SimpleJob("evolve", Priorities.TRANSFORM, ran::incrementAndGet)
                        : null;
            }

            @Override
            public boolean exhausted() {
                return left.get() <= 0;
            }
        };

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(ran.get()).isEqualTo(5);
    }

    @Test
    void anExternalStopLetsInFlightJobsFinishWithinTheGrace() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger jobs = new AtomicInteger();
        Scheduler scheduler = new Scheduler(2, Optional::empty, (j, e) -> { });
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            if (jobs.incrementAndGet() == 1) {
                return; // the warm-up job
            }
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        Thread stopper = new Thread(() -> {
            try {
                started.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                return;
            }
            scheduler.requestStop(StopReason.INTERRUPTED, "interrupted");
            release.countDown();
        });
        stopper.start();

        RunOutcome outcome = scheduler.run(source, r -> Duration.ofSeconds(5));

        assertThat(outcome.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(finished.get()).isEqualTo(2);
        assertThat(scheduler.inFlight()).isZero();
    }

    @Test
    void aTeacherThatNeverAnswersUsefullyEndsTheRunNamingWhatKeptFailing() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        Scheduler scheduler = new Scheduler(4, Optional::empty, (j, e) -> { });
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            sent.incrementAndGet();
            throw new RetriableTeacherException(FaultKind.EMPTY_CONTENT,
                    "gave up after 8 attempts: the teacher at h returned empty content", null, null);
        });

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.TEACHER_FAILING);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.detail()).contains("empty_content 5").contains("returned empty content");
        assertThat(sent.get()).isEqualTo(5);
    }

    @Test
    void aStreakOfTransientFaultsStopsResumableAndASuccessInBetweenResetsIt() throws Exception {
        AtomicInteger n = new AtomicInteger();
        Scheduler scheduler = new Scheduler(1, Optional::empty, (j, e) -> { });
        JobSource source = () -> new SimpleJob("propose", Priorities.PROPOSE, () -> {
            int i = n.incrementAndGet();
            // the first job succeeds; then 9 failures, one success, then failures only
            if (i == 1 || i == 11) {
                return;
            }
            throw new RetriableTeacherException(FaultKind.SERVER_ERROR, "HTTP 500 after 8 attempts", null, null);
        });

        RunOutcome outcome = scheduler.run(source, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.TEACHER_UNAVAILABLE);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.detail()).contains("the last 10 teacher requests").contains("server_error 10");
        assertThat(n.get()).isEqualTo(21);
    }

    @Test
    void aStopEndsTheTeachersWaitsBeforeTheGracePeriod() throws Exception {
        AtomicInteger stopped = new AtomicInteger();
        Scheduler scheduler = new Scheduler(1, Optional::empty, (j, e) -> { });
        scheduler.whenStopping(stopped::incrementAndGet);
        scheduler.requestStop(StopReason.INTERRUPTED, "interrupted");

        RunOutcome outcome = scheduler.run(() -> null, SchedulerTest::noGrace);

        assertThat(outcome.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(stopped.get()).isEqualTo(1);
    }
}
