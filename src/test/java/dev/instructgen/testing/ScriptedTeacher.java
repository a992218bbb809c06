package dev.instructgen.testing;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one in-process teacher of the tests. Each call is answered by the first of: the next queued outcome
 * ({@link #then}), the function for the request's stage ({@link #on}), the fallback ({@link #otherwise} or
 * {@link #answering}); with none of these a teacher scripted by stage refuses the call (a stage the test forgot),
 * any other answers {@link #ok()}. Records every request and reports to the metrics as the real stack does.
 */
public final class ScriptedTeacher implements TeacherClient {

    private final Deque<Supplier<TeacherReply>> queued = new ArrayDeque<>();
    private final Map<String, Function<TeacherRequest, TeacherReply>> byStage = new ConcurrentHashMap<>();
    private volatile Function<TeacherRequest, TeacherReply> fallback;
    private final List<TeacherRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile TeacherMetrics metrics = TeacherMetrics.NONE;
    private volatile String model = "scripted";

    /** A teacher whose every reply is a function of the request. */
    public static ScriptedTeacher answering(Function<TeacherRequest, TeacherReply> script) {
        return new ScriptedTeacher().otherwise(script);
    }

    /** A reply of 100 prompt and 20 completion tokens. */
    public static TeacherReply reply(String text) {
        return new TeacherReply(text, FinishReason.STOP, new TokenUsage(100, 20), Duration.ofMillis(5));
    }

    /** {@link #reply} cut off at the token limit (finish_reason length). */
    public static TeacherReply cutOff(String text) {
        return new TeacherReply(text, FinishReason.LENGTH, new TokenUsage(100, 20), Duration.ofMillis(5));
    }

    /** A short exchange: 10 prompt and 5 completion tokens. */
    public static TeacherReply brief(String text) {
        return new TeacherReply(text, FinishReason.STOP, new TokenUsage(10, 5), Duration.ofMillis(1));
    }

    /** {@link #brief} cut off at the token limit. */
    public static TeacherReply briefCutOff(String text) {
        return new TeacherReply(text, FinishReason.LENGTH, new TokenUsage(10, 5), Duration.ofMillis(1));
    }

    public static TeacherReply ok() {
        return brief("ok");
    }

    public static Supplier<TeacherReply> failing(FaultKind kind) {
        return failing(kind, null);
    }

    public static Supplier<TeacherReply> failing(FaultKind kind, Duration retryAfter) {
        return () -> {
            throw new RetriableTeacherException(kind, "scripted " + kind.key(), retryAfter, null);
        };
    }

    /** The first message's content: the rendered prompt of a one-message request. */
    public static String prompt(TeacherRequest request) {
        return request.messages().get(0).content();
    }

    public ScriptedTeacher on(String stage, Function<TeacherRequest, TeacherReply> reply) {
        byStage.put(stage, reply);
        return this;
    }

    public synchronized ScriptedTeacher then(Supplier<TeacherReply> outcome) {
        queued.add(outcome);
        return this;
    }

    public synchronized ScriptedTeacher then(int times, Supplier<TeacherReply> outcome) {
        for (int i = 0; i < times; i++) {
            queued.add(outcome);
        }
        return this;
    }

    public ScriptedTeacher otherwise(Supplier<TeacherReply> outcome) {
        return otherwise(request -> outcome.get());
    }

    public ScriptedTeacher otherwise(Function<TeacherRequest, TeacherReply> script) {
        this.fallback = script;
        return this;
    }

    public ScriptedTeacher reportingTo(TeacherMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** The model name in {@link #identity()} (default "scripted"). */
    public ScriptedTeacher named(String model) {
        this.model = model;
        return this;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        requests.add(request);
        metrics.onAttempt(request.stage());
        TeacherReply reply = answer(request);
        metrics.onSuccess(request.stage(), reply);
        metrics.onAttemptEnd(request.stage(), reply.latency());
        return reply;
    }

    private TeacherReply answer(TeacherRequest request) {
        Supplier<TeacherReply> next;
        synchronized (this) {
            next = queued.poll();
        }
        if (next != null) {
            return next.get();
        }
        Function<TeacherRequest, TeacherReply> f = byStage.getOrDefault(request.stage(), fallback);
        if (f != null) {
            return f.apply(request);
        }
        if (!byStage.isEmpty()) {
            throw new IllegalStateException("no scripted reply for stage " + request.stage());
        }
        return ok();
    }

    @Override
    public TeacherIdentity identity() {
        return new TeacherIdentity(TeacherApi.OPENAI, model, "localhost:1");
    }

    public int calls() {
        return requests.size();
    }

    public List<TeacherRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<TeacherRequest> requests(String stage) {
        return requests().stream().filter(r -> r.stage().equals(stage)).toList();
    }
}
