package dev.instructgen.teacher.log;

import dev.instructgen.teacher.ChatMessage;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --log-requests}: each attempt the adapter makes, with what was asked (stage, messages, sampling, the
 * schema's name) and what came back (the reply as the stage's parser sees it, finish reason, tokens, latency) or
 * how it failed. Nothing here ever held a key or a header; as a second guard the key's value, should a server
 * echo it, is blanked out of every string written.
 */
public final class LoggingTeacherClient implements TeacherClient {

    private static final String BLANKED = "***";

    private final TeacherClient inner;
    private final RequestLog log;
    private final Clock clock;
    private final String apiKey;

    /** @param apiKey the key in use, or null; only to blank it out */
    public LoggingTeacherClient(TeacherClient inner, RequestLog log, Clock clock, String apiKey) {
        this.inner = inner;
        this.log = log;
        this.clock = clock;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("stage", request.stage());
        entry.put("messages", messages(request.messages()));
        entry.put("sampling", sampling(request.sampling()));
        if (request.responseSchema() != null) {
            entry.put("schema", request.responseSchema().name());
        }
        try {
            TeacherReply reply = inner.complete(request);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("text", blank(reply.text()));
            answer.put("finish_reason", reply.finishReason().name().toLowerCase(Locale.ROOT));
            answer.put("prompt_tokens", reply.usage().promptTokens());
            answer.put("completion_tokens", reply.usage().completionTokens());
            answer.put("latency_ms", reply.latency().toMillis());
            entry.put("reply", answer);
            log.append(entry);
            return reply;
        } catch (RuntimeException e) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("type", e.getClass().getSimpleName());
            if (e instanceof FatalTeacherException fatal) {
                failure.put("status", fatal.httpStatus());
            } else if (e instanceof RetriableTeacherException retriable) {
                failure.put("kind", retriable.kind().name().toLowerCase(Locale.ROOT));
            }
            failure.put("message", blank(String.valueOf(e.getMessage())));
            entry.put("error", failure);
            log.append(entry);
            throw e;
        }
    }

    private List<Map<String, Object>> messages(List<ChatMessage> messages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChatMessage message : messages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", message.role().name().toLowerCase(Locale.ROOT));
            m.put("content", blank(message.content()));
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> sampling(Sampling sampling) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("temperature", sampling.temperature());
        m.put("top_p", sampling.topP());
        m.put("max_tokens", sampling.maxTokens());
        m.put("presence_penalty", sampling.presencePenalty());
        m.put("stop", sampling.stop());
        return m;
    }

    private String blank(String text) {
        return apiKey == null || text == null ? text : text.replace(apiKey, BLANKED);
    }

    @Override
    public TeacherIdentity identity() {
        return inner.identity();
    }

    @Override
    public void stopWaiting() {
        inner.stopWaiting();
    }

    @Override
    public void close() {
        inner.close();
    }
}
