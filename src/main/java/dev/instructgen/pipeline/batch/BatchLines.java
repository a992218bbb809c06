package dev.instructgen.pipeline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.teacher.ChatMessage;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The line formats of the OpenAI Batch API. An input line is {@code {custom_id, method: "POST", url:
 * "/v1/chat/completions", body}} with the body a chat completion request; output and error lines are
 * {@code {id, custom_id, response: {status_code, request_id, body}, error: {code, message}}}, where an error
 * line either has an error (e.g. {@code batch_expired}: not run within the window) or a non-2xx response.
 */
final class BatchLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchLines() {
    }

    /** One input line for {@code request}, asking {@code model}. */
    static String requestLine(String customId, String model, TeacherRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        Sampling s = request.sampling();
        if (s.temperature() != null) {
            body.put("temperature", s.temperature());
        }
        if (s.topP() != null) {
            body.put("top_p", s.topP());
        }
        if (s.maxTokens() != null) {
            body.put("max_tokens", s.maxTokens());
        }
        if (s.presencePenalty() != null) {
            body.put("presence_penalty", s.presencePenalty());
        }
        if (!s.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stop().forEach(stop::add);
        }
        ObjectNode line = JSON.createObjectNode().put("custom_id", customId).put("method", "POST")
                .put("url", OpenAiBatchApi.ENDPOINT);
        line.set("body", body);
        try {
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a batch line", e);
        }
    }

    /** The results in an output or error file; a line that cannot be read is skipped (its item counts missing). */
    static List<ItemResult> results(byte[] file, Duration latency) {
        List<ItemResult> out = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            String id = node.path("custom_id").asText(null);
            if (id != null) {
                out.add(result(id, node, latency));
            }
        }
        return out;
    }

    private static ItemResult result(String id, JsonNode line, Duration latency) {
        JsonNode error = line.path("error");
        if (error.isObject()) {
            String code = error.path("code").asText("error");
            String message = code + ": " + error.path("message").asText("");
            return switch (code) {
                case "batch_expired" -> new ItemResult.Failed(id, "expired", FaultKind.TIMEOUT, true, message);
                case "batch_cancelled" -> new ItemResult.Failed(id, "cancelled", FaultKind.TIMEOUT, true, message);
                case "request_timeout" -> new ItemResult.Failed(id, "timeout", FaultKind.TIMEOUT, true, message);
                default -> new ItemResult.Failed(id, "server_error", FaultKind.SERVER_ERROR, true, message);
            };
        }
        JsonNode response = line.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status / 100 != 2) {
            String message = "HTTP " + status + " " + body.path("error").path("message").asText("");
            if (status == 429) {
                return new ItemResult.Failed(id, "rate_limited", FaultKind.RATE_LIMITED, true, message);
            }
            if (status >= 400 && status < 500) {
                return new ItemResult.Failed(id, "refused", FaultKind.PROMPT_TOO_LONG, false, message);
            }
            return new ItemResult.Failed(id, "server_error", FaultKind.SERVER_ERROR, true, message);
        }
        JsonNode choice = body.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            return new ItemResult.Failed(id, "malformed", FaultKind.MALFORMED_RESPONSE, true,
                    "the answer has no message content");
        }
        if (content.asText().isBlank()) {
            return new ItemResult.Failed(id, "malformed", FaultKind.EMPTY_CONTENT, true, "the answer is empty");
        }
        JsonNode usage = body.path("usage");
        return new ItemResult.Answered(id, new TeacherReply(content.asText(),
                finish(choice.path("finish_reason").asText("")),
                new TokenUsage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)),
                latency));
    }

    private static FinishReason finish(String reason) {
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
