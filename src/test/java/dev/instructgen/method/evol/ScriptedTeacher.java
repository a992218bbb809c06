package dev.instructgen.method.evol;

import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Function;

/** A teacher that answers from a script: a function of the request's stage and prompt. Records every request. */
final class ScriptedTeacher implements TeacherClient {

    /** A scripted reply; {@code cutOff} simulates finish_reason=length. */
    record Reply(String text, boolean cutOff) {
        static Reply of(String text) {
            return new Reply(text, false);
        }
    }

    private final Function<TeacherRequest, Reply> script;
    final List<TeacherRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile TeacherMetrics metrics = TeacherMetrics.NONE;

    ScriptedTeacher(Function<TeacherRequest, Reply> script) {
        this.script = script;
    }

    /** Reports every call to {@code metrics}, as the real teacher stack does. */
    ScriptedTeacher reportingTo(TeacherMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        requests.add(request);
        metrics.onAttempt(request.stage());
        Reply r = script.apply(request);
        TeacherReply reply = new TeacherReply(r.text(), r.cutOff() ? FinishReason.LENGTH : FinishReason.STOP,
                new TokenUsage(10, 5), Duration.ofMillis(1));
        metrics.onSuccess(request.stage(), reply);
        return reply;
    }

    @Override
    public TeacherIdentity identity() {
        return new TeacherIdentity(TeacherApi.OPENAI, "scripted", "localhost:1");
    }

    static String prompt(TeacherRequest r) {
        return r.messages().get(0).content();
    }
}
