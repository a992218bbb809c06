package dev.instructgen.teacher.fakes;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A teacher that plays a script of outcomes, one per call; when the script runs out it repeats the fallback.
 */
public final class ScriptedTeacher implements TeacherClient {

    private final Deque<Supplier<TeacherReply>> script = new ArrayDeque<>();
    private Supplier<TeacherReply> fallback = ScriptedTeacher::ok;
    private final AtomicInteger calls = new AtomicInteger();

    public static TeacherReply ok() {
        return new TeacherReply("ok", FinishReason.STOP, new TokenUsage(10, 5), Duration.ofMillis(1));
    }

    public static Supplier<TeacherReply> failing(FaultKind kind) {
        return failing(kind, null);
    }

    public static Supplier<TeacherReply> failing(FaultKind kind, Duration retryAfter) {
        return () -> {
            throw new RetriableTeacherException(kind, "scripted " + kind.key(), retryAfter, null);
        };
    }

    public synchronized ScriptedTeacher then(Supplier<TeacherReply> outcome) {
        script.add(outcome);
        return this;
    }

    public synchronized ScriptedTeacher then(int times, Supplier<TeacherReply> outcome) {
        for (int i = 0; i < times; i++) {
            script.add(outcome);
        }
        return this;
    }

    public synchronized ScriptedTeacher otherwise(Supplier<TeacherReply> outcome) {
        fallback = outcome;
        return this;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        calls.incrementAndGet();
        Supplier<TeacherReply> next;
        synchronized (this) {
            next = script.isEmpty() ? fallback : script.poll();
        }
        return next.get();
    }

    @Override
    public TeacherIdentity identity() {
        return new TeacherIdentity(TeacherApi.OPENAI, "scripted", "localhost:1");
    }
}
