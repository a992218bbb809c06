package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two chat formats, written by {@code export} and read by every command that reads dataset files, by the
 * same code, so what one writes the other reads back turn for turn:
 * <ul>
 *   <li>ShareGPT: {@code {"conversations": [{"from": "human", "value": "..."}, {"from": "gpt", ...}]}}, the
 *       speakers named human, gpt and system (user and assistant are read too, as some exports write them);</li>
 *   <li>OpenAI chat fine-tuning JSONL: {@code {"messages": [{"role": "user", "content": "..."}, ...]}}.</li>
 * </ul>
 * Inside instructgen a turn is an {@link Example.Message} with role system, user or assistant.
 */
public enum ChatSchema {

    SHAREGPT("conversations", "from", "value",
            Map.of("user", "human", "assistant", "gpt", "system", "system"),
            Map.of("human", "user", "user", "user", "gpt", "assistant", "assistant", "assistant",
                    "system", "system"),
            "human, gpt or system"),
    OPENAI_CHAT("messages", "role", "content",
            Map.of("user", "user", "assistant", "assistant", "system", "system"),
            Map.of("user", "user", "assistant", "assistant", "system", "system"),
            "system, user or assistant");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String listField;
    private final String speakerField;
    private final String textField;
    private final Map<String, String> written;
    private final Map<String, String> read;
    private final String speakers;

    ChatSchema(String listField, String speakerField, String textField, Map<String, String> written,
               Map<String, String> read, String speakers) {
        this.listField = listField;
        this.speakerField = speakerField;
        this.textField = textField;
        this.written = written;
        this.read = read;
        this.speakers = speakers;
    }

    /** The key holding the turns: conversations or messages. */
    public String listField() {
        return listField;
    }

    /** One record of this format holding {@code turns} in order. */
    public ObjectNode write(List<Example.Message> turns) {
        ObjectNode record = JSON.objectNode();
        ArrayNode list = record.putArray(listField);
        for (Example.Message turn : turns) {
            list.addObject().put(speakerField, written.getOrDefault(turn.role(), turn.role()))
                    .put(textField, turn.content());
        }
        return record;
    }

    /**
     * The turns of a record of this format. A conversation may open with system turns, then needs a user turn
     * and at least one assistant turn; the opening user turn and the first answer must not be blank.
     *
     * @param problems receives one message per problem; the result is then incomplete
     */
    List<Example.Message> read(ObjectNode record, List<String> problems) {
        JsonNode list = record.get(listField);
        if (list == null || !list.isArray()) {
            problems.add("'" + listField + "' must be an array of {\"" + speakerField + "\", \"" + textField
                    + "\"} objects, found " + JsonNodeDescription.of(list));
            return List.of();
        }
        List<Example.Message> turns = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < list.size(); i++) {
            String where = listField + "[" + i + "]: ";
            JsonNode turn = list.get(i);
            if (!turn.isObject()) {
                problems.add(where + "expected an object with '" + speakerField + "' and '" + textField
                        + "', found " + JsonNodeDescription.of(turn));
                continue;
            }
            JsonNode speaker = turn.get(speakerField);
            JsonNode text = turn.get(textField);
            String role = speaker != null && speaker.isTextual() ? read.get(speaker.asText()) : null;
            if (role == null) {
                problems.add(where + "'" + speakerField + "' must be " + speakers + ", found "
                        + (speaker != null && speaker.isTextual() ? "'" + speaker.asText() + "'"
                        : JsonNodeDescription.of(speaker)));
            } else if (text == null || !text.isTextual()) {
                problems.add(where + "'" + textField + "' must be a string, found " + JsonNodeDescription.of(text));
            } else {
                turns.add(new Example.Message(role, text.asText()));
            }
        }
        if (problems.size() > before) {
            return turns;
        }
        checkOrder(turns, problems);
        return turns;
    }

    private void checkOrder(List<Example.Message> turns, List<String> problems) {
        int first = 0;
        while (first < turns.size() && turns.get(first).role().equals("system")) {
            first++;
        }
        if (first == turns.size() || !turns.get(first).role().equals("user")) {
            problems.add("'" + listField + "' must start with a " + written.get("user") + " turn (after any "
                    + "system turns); found " + (first == turns.size() ? "none" : "'" + written.get(
                    turns.get(first).role()) + "' at " + listField + "[" + first + "]"));
            return;
        }
        if (turns.get(first).content().isBlank()) {
            problems.add(listField + "[" + first + "]: the opening " + written.get("user") + " turn is blank");
        }
        int answer = first + 1;
        while (answer < turns.size() && !turns.get(answer).role().equals("assistant")) {
            answer++;
        }
        if (answer == turns.size()) {
            problems.add("'" + listField + "' has no " + written.get("assistant") + " turn; a conversation needs "
                    + "at least one answer");
        } else if (turns.get(answer).content().isBlank()) {
            problems.add(listField + "[" + answer + "]: the first " + written.get("assistant") + " turn is blank");
        }
    }

    /** The opening user turn: what dedup and the novelty index compare. */
    static String openingUserTurn(List<Example.Message> turns) {
        return turns.stream().filter(t -> t.role().equals("user")).findFirst().map(Example.Message::content)
                .orElse("");
    }

    /** The first answer. */
    static String firstAnswer(List<Example.Message> turns) {
        boolean asked = false;
        for (Example.Message t : turns) {
            asked |= t.role().equals("user");
            if (asked && t.role().equals("assistant")) {
                return t.content();
            }
        }
        return "";
    }

    /**
     * True when the turns are one user turn and its answer, nothing else: such a chat is a single-turn record
     * (instruction and output), which {@code export} writes back as the same two turns.
     */
    static boolean singleTurn(List<Example.Message> turns) {
        return turns.size() == 2 && turns.get(0).role().equals("user") && turns.get(1).role().equals("assistant");
    }
}
