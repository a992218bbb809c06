package dev.instructgen.report.export;

import dev.instructgen.dataset.Example;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code export --format alpaca --flatten}: a conversation record becomes one single-turn record per assistant
 * turn. Its instruction is the user turn that the assistant answers; its input is the conversation before that
 * turn as a transcript ("User: ..." and "Assistant: ..." paragraphs, "" for the first exchange); its output is
 * the assistant turn. So each record holds what the assistant saw when it spoke, and a conversation of n
 * exchanges gives n records, with ids {@code <id>#1 .. <id>#n} and the conversation's provenance and license.
 * A leading system turn opens the transcript of every record. Single-turn records pass through unchanged.
 */
public final class ConversationFlattener {

    private ConversationFlattener() {
    }

    public static List<Example> flatten(Example example) {
        if (!example.isConversation()) {
            return List.of(example);
        }
        List<Example> records = new ArrayList<>();
        StringBuilder history = new StringBuilder();
        String pendingUser = null;
        for (Example.Message m : example.messages()) {
            switch (m.role()) {
                case "user" -> pendingUser = m.content();
                case "assistant" -> {
                    String instruction = pendingUser == null ? "" : pendingUser;
                    records.add(new Example(example.id() + "#" + (records.size() + 1), instruction,
                            history.toString().strip(), m.content(), example.method(), example.taskId(),
                            example.isClassification(), example.provenance(), example.license()));
                    append(history, "User", instruction);
                    append(history, "Assistant", m.content());
                    pendingUser = null;
                }
                default -> append(history, capitalised(m.role()), m.content());
            }
        }
        return records;
    }

    private static void append(StringBuilder history, String speaker, String content) {
        if (!history.isEmpty()) {
            history.append("\n\n");
        }
        history.append(speaker).append(": ").append(content);
    }

    private static String capitalised(String role) {
        return role.isEmpty() ? role : Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }
}
