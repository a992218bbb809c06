package dev.instructgen.pipeline.evol;

import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    final List<TeacherRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedTeacher(Function<TeacherRequest, Reply> script) {
        this.script = script;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        requests.add(request);
        Reply r = script.apply(request);
        return new TeacherReply(r.text(), r.cutOff() ? FinishReason.LENGTH : FinishReason.STOP,
                new TokenUsage(10, 5), Duration.ofMillis(1));
    }

    @Override
    public TeacherIdentity identity() {
        return new TeacherIdentity(TeacherApi.OPENAI, "scripted", "localhost:1");
    }

    static String prompt(TeacherRequest r) {
        return r.messages().get(0).content();
    }
}
