package dev.instructgen.testing;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what the stack reported. */
public final class RecordingMetrics implements TeacherMetrics {

    public record Fault(String stage, FaultKind kind, boolean willRetry) {
    }

    public final List<Fault> faults = new ArrayList<>();
    public final List<TeacherReply> successes = new ArrayList<>();
    public final List<Duration> latencies = new ArrayList<>();
    public final AtomicInteger attempts = new AtomicInteger();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public synchronized void onSuccess(String stage, TeacherReply reply) {
        successes.add(reply);
    }

    @Override
    public synchronized void onFault(String stage, FaultKind kind, boolean willRetry) {
        faults.add(new Fault(stage, kind, willRetry));
    }

    @Override
    public void onAttempt(String stage) {
        attempts.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    @Override
    public synchronized void onAttemptEnd(String stage, Duration latency) {
        inFlight.decrementAndGet();
        latencies.add(latency);
    }
}
