package dev.instructgen.report.export;

import dev.instructgen.error.BadInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.ChatSchema;
import dev.instructgen.dataset.Example;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fine-tuning formats a run can be exported to, each a mapping of one example to one record.
 *
 * <ul>
 *   <li>{@code alpaca}: {instruction, input, output}, the Stanford Alpaca data format; with a system prompt
 *       a {@code system} field is added, as Alpaca-style loaders that support one expect.</li>
 *   <li>{@code sharegpt}: {conversations: [{from: system?}, {from: human}, {from: gpt}]}.</li>
 *   <li>{@code openai-chat}: {messages: [{role: system?}, {role: user}, {role: assistant}]}, the chat
 *       fine-tuning JSONL format; nothing else is added, since strict validators reject unknown keys.</li>
 * </ul>
 * For the chat formats the user turn is the instruction, then a blank line and the input when there is one; a
 * conversation record ({@link Example#messages}) carries all its turns, and alpaca refuses it unless the export
 * flattens it first ({@link ConversationFlattener}).
 */
public enum ExportFormat {

    ALPACA("alpaca", false) {
        @Override
        public ObjectNode toRecord(Example example, String systemPrompt) {
            if (example.isConversation()) {
                throw new BadInputException("example " + example.id() + " is a conversation of "
                        + example.messages().size() + " messages; alpaca holds one instruction and output, so "
                        + "export conversations with --format sharegpt or openai-chat, or add --flatten for one alpaca "
                        + "record per assistant turn");
            }
            ObjectNode record = JSON.objectNode();
            record.put("instruction", example.instruction());
            record.put("input", example.input());
            record.put("output", example.output());
            if (systemPrompt != null) {
                record.put("system", systemPrompt);
            }
            return record;
        }
    },

    SHAREGPT("sharegpt", true) {
        @Override
        public ObjectNode toRecord(Example example, String systemPrompt) {
            return ChatSchema.SHAREGPT.write(turns(example, systemPrompt));
        }
    },

    OPENAI_CHAT("openai-chat", true) {
        @Override
        public ObjectNode toRecord(Example example, String systemPrompt) {
            return ChatSchema.OPENAI_CHAT.write(turns(example, systemPrompt));
        }
    };

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String cliName;
    private final boolean alwaysJsonLines;

    ExportFormat(String cliName, boolean alwaysJsonLines) {
        this.cliName = cliName;
        this.alwaysJsonLines = alwaysJsonLines;
    }

    /** One record of this format for {@code example}; {@code systemPrompt} may be null. */
    public abstract ObjectNode toRecord(Example example, String systemPrompt);

    /** The chat formats are JSONL by definition; Alpaca is a JSON array unless JSONL is asked for. */
    public boolean alwaysJsonLines() {
        return alwaysJsonLines;
    }

    /** The name on the command line: alpaca, sharegpt, openai-chat. */
    public String cliName() {
        return cliName;
    }

    /** Parses the command-line name. */
    public static ExportFormat fromCliName(String name) {
        for (ExportFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "', expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }

    /**
     * The turns a chat format writes (dataset.ChatSchema, which also reads them back): the system prompt if any,
     * then a conversation's own turns, or the user turn and the output of a single-turn record.
     */
    private static List<Example.Message> turns(Example example, String systemPrompt) {
        List<Example.Message> turns = new ArrayList<>();
        if (systemPrompt != null) {
            turns.add(new Example.Message("system", systemPrompt));
        }
        if (example.isConversation()) {
            turns.addAll(example.messages());
        } else {
            turns.add(new Example.Message("user", userTurn(example)));
            turns.add(new Example.Message("assistant", example.output()));
        }
        return turns;
    }

    static String userTurn(Example example) {
        return example.input().isBlank() ? example.instruction() : example.instruction() + "\n\n" + example.input();
    }
}
