package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Recognises a record's format from its keys. The checks go from the most distinctive key to the least, because
 * the formats overlap: every format has "instruction", and an instructgen example is an Alpaca record plus
 * provenance fields (a conversation example also has "messages", so the examples are recognised before chats).
 */
final class RecordShape {

    static final String EXPECTED =
            "expected a JSON object with 'instruction' (Self-Instruct, Alpaca or Dolly format)";

    private RecordShape() {
    }

    /**
     * The format this record belongs to, with Alpaca records reported as {@link DatasetFormat#ALPACA_JSON}
     * inside a JSON array and {@link DatasetFormat#ALPACA_JSONL} otherwise; null when no known key is present.
     */
    static DatasetFormat detect(ObjectNode record, boolean inArray) {
        if (record.has("instances")) {
            return DatasetFormat.SELF_INSTRUCT_SEEDS;
        }
        if (record.has("provenance") || record.has("method") || record.has("task_id")) {
            return DatasetFormat.INSTRUCTGEN_EXAMPLES;
        }
        if (record.has("conversations")) {
            return inArray ? DatasetFormat.SHAREGPT_JSON : DatasetFormat.SHAREGPT_JSONL;
        }
        if (record.has("messages")) {
            return DatasetFormat.OPENAI_CHAT_JSONL;
        }
        if (record.has("response") || record.has("context") || record.has("category")) {
            return DatasetFormat.DOLLY_JSONL;
        }
        if (record.has("instruction") || record.has("output")) {
            return inArray ? DatasetFormat.ALPACA_JSON : DatasetFormat.ALPACA_JSONL;
        }
        return null;
    }

    /** How a record of this format is named in a "mixed formats" message. */
    static String recordOf(DatasetFormat format) {
        return switch (format) {
            case SELF_INSTRUCT_SEEDS -> "a Self-Instruct seed task (instruction/instances)";
            case ALPACA_JSON, ALPACA_JSONL -> "an Alpaca record (instruction/input/output)";
            case DOLLY_JSONL -> "a Dolly record (instruction/context/response)";
            case INSTRUCTGEN_EXAMPLES -> "an instructgen example (instruction/input/output/method/provenance)";
            case SHAREGPT_JSON, SHAREGPT_JSONL -> "a ShareGPT conversation (conversations/from/value)";
            case OPENAI_CHAT_JSONL -> "an OpenAI chat record (messages/role/content)";
        };
    }
}
