package dev.instructgen.teacher;

import java.time.Duration;

/**
 * Receives what the teacher stack observes, for stats.json and progress. Implemented by the run's statistics;
 * {@link #NONE} ignores everything. Implementations are thread-safe.
 */
public interface TeacherMetrics {

    /** A request completed successfully (after any retries). */
    void onSuccess(String stage, TeacherReply reply);

    /** One attempt failed with a transient fault; {@code willRetry} tells whether another attempt follows. */
    void onFault(String stage, FaultKind kind, boolean willRetry);

    /** A request is about to be sent (counts requests in flight together with the outcome callbacks). */
    default void onAttempt(String stage) {
    }

    /** A request ended, successfully or not; {@code latency} of the last attempt. */
    default void onAttemptEnd(String stage, Duration latency) {
    }

    /**
     * A layer of the stack has counters of its own for stats.json (a pool's per-endpoint counters), written as the
     * top-level section {@code name} and read from {@code section} at every snapshot.
     */
    default void addSection(String name, java.util.function.Supplier<?> section) {
    }

    TeacherMetrics NONE = new TeacherMetrics() {
        @Override
        public void onSuccess(String stage, TeacherReply reply) {
        }

        @Override
        public void onFault(String stage, FaultKind kind, boolean willRetry) {
        }
    };
}
