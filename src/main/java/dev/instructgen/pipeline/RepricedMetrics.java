package dev.instructgen.pipeline;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;

import java.time.Duration;

/**
 * The run's counters as a second teacher with a price of its own reports to them ({@link RunStats#pricedBy}):
 * every event is counted by the run, only each reply's cost comes from {@code price}.
 */
final class RepricedMetrics implements TeacherMetrics {

    private final RunStats counters;
    private final CostModel price;

    RepricedMetrics(RunStats counters, CostModel price) {
        this.counters = counters;
        this.price = price;
    }

    @Override
    public void onAttempt(String stage) {
        counters.onAttempt(stage);
    }

    @Override
    public void onSuccess(String stage, TeacherReply reply) {
        counters.succeeded(stage, reply, price.costUsd(reply.usage()));
    }

    @Override
    public void onFault(String stage, FaultKind kind, boolean willRetry) {
        counters.onFault(stage, kind, willRetry);
    }

    @Override
    public void onAttemptEnd(String stage, Duration latency) {
        counters.onAttemptEnd(stage, latency);
    }
}
