package dev.instructgen.pipeline;

import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A teacher scripted per stage: each stage has a function from request to reply. Records every request and
 * reports to the metrics like the real stack does.
 */
public final class FakeTeacher implements TeacherClient {

    private final Map<String, Function<TeacherRequest, TeacherReply>> script = new ConcurrentHashMap<>();
    private final List<TeacherRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile TeacherMetrics metrics = TeacherMetrics.NONE;

    public FakeTeacher on(String stage, Function<TeacherRequest, TeacherReply> reply) {
        script.put(stage, reply);
        return this;
    }

    public FakeTeacher reportingTo(TeacherMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    public static TeacherReply reply(String text) {
        return new TeacherReply(text, FinishReason.STOP, new TokenUsage(100, 20), Duration.ofMillis(5));
    }

    public static TeacherReply cutOff(String text) {
        return new TeacherReply(text, FinishReason.LENGTH, new TokenUsage(100, 20), Duration.ofMillis(5));
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        requests.add(request);
        metrics.onAttempt(request.stage());
        Function<TeacherRequest, TeacherReply> f = script.get(request.stage());
        if (f == null) {
            throw new IllegalStateException("no scripted reply for stage " + request.stage());
        }
        TeacherReply reply = f.apply(request);
        metrics.onSuccess(request.stage(), reply);
        metrics.onAttemptEnd(request.stage(), reply.latency());
        return reply;
    }

    @Override
    public TeacherIdentity identity() {
        return new TeacherIdentity(TeacherApi.OPENAI, "fake-model", "localhost:1");
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
