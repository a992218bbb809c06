package dev.instructgen.teacher;

import java.time.Duration;
import java.util.Objects;

/**
 * The teacher's answer to one request, with what every call records: token usage, finish reason, latency.
 *
 * @param text         the generated text (never null; may be empty only if the adapter lets it through)
 * @param finishReason why generation stopped; LENGTH means the text was cut off
 * @param usage        tokens billed for this call
 * @param latency      wall time of the successful attempt
 * @param endpoint     host[:port] of the pool endpoint that answered; null when the teacher is one endpoint
 */
public record TeacherReply(String text, FinishReason finishReason, TokenUsage usage, Duration latency,
                           String endpoint) {

    public TeacherReply(String text, FinishReason finishReason, TokenUsage usage, Duration latency) {
        this(text, finishReason, usage, latency, null);
    }

    public TeacherReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency");
    }

    public boolean wasCutOff() {
        return finishReason == FinishReason.LENGTH;
    }

    /** This reply as answered by the pool endpoint {@code host}. */
    public TeacherReply answeredBy(String host) {
        return new TeacherReply(text, finishReason, usage, latency, host);
    }
}
