package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * The checks {@code validate} makes on the {@code messages} of a conversation record (instructgen examples of
 * self-chat): a non-empty array of {@code {role, content}} objects, an optional system turn first, then user and
 * assistant turns alternating, starting with the user and ending with the assistant, each with some text.
 */
final class ConversationShape {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private ConversationShape() {
    }

    static void check(JsonNode messages, List<String> problems) {
        if (messages == null || messages.isNull()) {
            return;
        }
        if (!messages.isArray() || messages.isEmpty()) {
            problems.add("'messages' must be a non-empty array of {\"role\", \"content\"} objects, found "
                    + (messages.isArray() ? "an empty array" : JsonNodeDescription.of(messages)));
            return;
        }
        String expected = "user";
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "message " + (i + 1) + ": ";
            if (!m.isObject() || !m.path("role").isTextual() || !m.path("content").isTextual()) {
                problems.add(where + "expected an object with string 'role' and 'content', found "
                        + JsonNodeDescription.of(m));
                return;
            }
            String role = m.get("role").asText();
            if (!ROLES.contains(role)) {
                problems.add(where + "role '" + role + "' is not one of system, user, assistant");
                return;
            }
            if (m.get("content").asText().isBlank()) {
                problems.add(where + "'content' is blank");
            }
            if (role.equals("system") && i == 0) {
                continue;
            }
            if (!role.equals(expected)) {
                problems.add(where + "a " + role + " turn where " + (expected.equals("user") ? "a " : "an ") + expected + " turn belongs (a system turn may "
                        + "only open the conversation, then user and assistant turns alternate)");
                return;
            }
            expected = role.equals("user") ? "assistant" : "user";
        }
        if (expected.equals("assistant")) {
            problems.add("'messages' ends with a user turn; a conversation ends with the assistant's reply");
        }
    }
}
