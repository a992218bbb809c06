package dev.instructgen.teacher.metrics;

import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reports every attempt that reaches the wire to {@link TeacherMetrics}: its start (so requests in flight can
 * be counted), its end with latency, and its reply when it succeeds. A successful attempt is the success of its
 * request, since nothing retries a success. Faults are reported by the retry layer, which alone knows whether
 * another attempt follows.
 */
public final class MeteredTeacherClient implements TeacherClient {

    private final TeacherClient delegate;
    private final TeacherMetrics metrics;
    private final LongSupplier nanoTime;

    public MeteredTeacherClient(TeacherClient delegate, TeacherMetrics metrics, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        metrics.onAttempt(request.stage());
        long start = nanoTime.getAsLong();
        try {
            TeacherReply reply = delegate.complete(request);
            metrics.onSuccess(request.stage(), reply);
            return reply;
        } finally {
            metrics.onAttemptEnd(request.stage(), Duration.ofNanos(nanoTime.getAsLong() - start));
        }
    }

    @Override
    public TeacherIdentity identity() {
        return delegate.identity();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
