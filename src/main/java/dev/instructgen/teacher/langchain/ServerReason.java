package dev.instructgen.teacher.langchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pulls the short human reason out of an error body. Servers disagree on the shape: OpenAI and llama.cpp send
 * {@code {"error":{"message":...}}}, Ollama {@code {"error":"..."}}, vLLM {@code {"message":...}}, FastAPI
 * {@code {"detail":...}}; anything else falls back to the body's first line.
 */
final class ServerReason {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHARS = 200;

    private ServerReason() {
    }

    /** One line, at most {@value #MAX_CHARS} characters, with {@code secret} (if any) blanked out. */
    static String of(String body, String secret) {
        String reason = extract(body == null ? "" : body);
        if (secret != null && !secret.isEmpty()) {
            reason = reason.replace(secret, "[redacted]");
        }
        reason = reason.replaceAll("\\s+", " ").trim();
        if (reason.length() > MAX_CHARS) {
            reason = reason.substring(0, MAX_CHARS - 3) + "...";
        }
        return reason.isEmpty() ? "no reason given" : reason;
    }

    private static String extract(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                for (String field : new String[] {"error", "message", "detail"}) {
                    JsonNode node = root.get(field);
                    if (node == null) {
                        continue;
                    }
                    if (node.isTextual()) {
                        return node.asText();
                    }
                    if (node.isObject() && node.path("message").isTextual()) {
                        return node.path("message").asText();
                    }
                    return node.toString();
                }
            }
        } catch (Exception notJson) {
            // fall through to the raw body
        }
        int newline = body.indexOf('\n');
        return newline < 0 ? body : body.substring(0, newline);
    }
}
