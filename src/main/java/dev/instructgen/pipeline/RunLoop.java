package dev.instructgen.pipeline;

import dev.instructgen.dataset.JsonCodec;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a method's {@link JobSource} on the engine until the run stops, keeping stats.json and the progress
 * display fresh, and turns Ctrl-C/SIGTERM and budgets into clean, resumable stops.
 *
 * <p>When the target is reached the results still in flight are not needed, so the loop returns at once; after an
 * interrupt or a budget stop they are already paid for, so it waits up to the spec's grace period for them.
 */
public final class RunLoop {

    /** How often stats.json is rewritten during a run. */
    public static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

    private final RunContext ctx;
    private final ProgressReporter progress;
    private final boolean handleSignals;

    /**
     * @param handleSignals install Ctrl-C/SIGTERM handling (the CLI does; tests in a shared JVM do not)
     */
    public RunLoop(RunContext ctx, ProgressReporter progress, boolean handleSignals) {
        this.ctx = ctx;
        this.progress = progress;
        this.handleSignals = handleSignals;
    }

    /**
     * Runs to a stop and writes the final stats.json. The source factory receives the scheduler so the
     * source's jobs can submit follow-up jobs.
     */
    public RunOutcome run(Function<Scheduler, JobSource> sourceFactory) {
        RunStats stats = ctx.stats();
        Budget budget = ctx.spec().budget();
        if (stats.accepted() > stats.target()) {
            ctx.warn("examples.jsonl already holds " + stats.accepted() + " examples, more than --target "
                    + stats.target() + ": nothing is generated and nothing is removed");
        }
        int slots = ctx.spec().teacher().concurrency();
        Scheduler scheduler = new Scheduler(slots, lendable(slots),
                () -> ctx.targetReached() ? Optional.of(StopReason.TARGET_REACHED) : budget.exceededBy(stats),
                (job, failure) -> ctx.warn(job.stage() + " request failed after retries, skipped: "
                        + failure.getMessage()));
        ctx.observeBackoffs(scheduler.backoffObserver());
        scheduler.whenStopping(ctx::stopWaiting);
        JobSource source = sourceFactory.apply(scheduler);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "instructgen-progress");
            t.setDaemon(true);
            return t;
        });
        long[] ticks = {0};
        long statsEvery = Math.max(1, STATS_INTERVAL.toSeconds());
        ticker.scheduleAtFixedRate(() -> {
            try {
                progress.update(new ProgressView(stats.snapshot(null), scheduler.working()));
                if (++ticks[0] % statsEvery == 0) {
                    ctx.writeStats(null);
                }
            } catch (RuntimeException e) {
                ctx.warn("could not refresh progress: " + e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);

        RunOutcome outcome;
        InterruptHandler signals = handleSignals
                ? InterruptHandler.install(() -> {
                    ctx.warn("interrupted: finishing the requests in flight (press Ctrl-C again to quit at once)");
                    scheduler.requestStop(StopReason.INTERRUPTED, "interrupted (Ctrl-C or SIGTERM)");
                }, StopReason.INTERRUPTED.exitCode())
                : null;
        try {
            outcome = scheduler.run(source, this::graceFor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = RunOutcome.of(StopReason.INTERRUPTED, "interrupted");
        } finally {
            ticker.shutdownNow();
            awaitQuietly(ticker); // a tick still writing "running" must not land after the final stats
            if (signals != null) {
                signals.close();
            }
        }
        if (outcome.reason() == StopReason.TEACHER_FATAL) {
            stats.onRequestFailed(); // a fatal status ends the request without a fault callback
        }
        if (outcome.reason() == StopReason.BUDGET_COST || outcome.reason() == StopReason.BUDGET_TOKENS) {
            outcome = RunOutcome.of(outcome.reason(), budget.describe(outcome.reason(), stats));
        }
        ctx.closeGate();
        ctx.writeStats(outcome);
        progress.finish(new ProgressView(stats.snapshot(outcome), scheduler.working()));
        return outcome;
    }

    /**
     * Jobs that may run beyond --concurrency while as many others wait to retry. With the documented backoff (0.5-1
     * s after a first failure, doubling) and answers of about 100 ms, a request at 30% server errors spends about
     * 0.56 s waiting for 0.14 s on the wire (E[wait] = 0.375 s * 2p / (1 - 2p), E[wire] = 0.1 s / (1 - p)): four
     * waiting jobs per working one; seven leaves room for slower luck. Capped so a very high --concurrency does
     * not start thousands of threads. They start only when jobs do wait.
     */
    static int lendable(int slots) {
        return Math.min(7 * slots, 512);
    }

    private static void awaitQuietly(ScheduledExecutorService ticker) {
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration graceFor(StopReason reason) {
        return switch (reason) {
            case INTERRUPTED, BUDGET_COST, BUDGET_TOKENS, TEACHER_UNAVAILABLE -> ctx.spec().grace();
            default -> Duration.ZERO;
        };
    }

}
