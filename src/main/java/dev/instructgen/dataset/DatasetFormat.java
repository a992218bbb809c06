package dev.instructgen.dataset;

/**
 * The dataset file formats instructgen reads (detected from content, never from the file extension) and writes.
 * docs/formats.md shows one example record of each.
 */
public enum DatasetFormat {

    /** Self-Instruct's seed_tasks.jsonl: id, name, instruction, instances [{input, output}], is_classification. */
    SELF_INSTRUCT_SEEDS("Self-Instruct seed tasks (JSONL)"),
    /** Stanford Alpaca's JSON array of {instruction, input, output}. */
    ALPACA_JSON("Alpaca (JSON array)"),
    /** The same Alpaca records, one per line. */
    ALPACA_JSONL("Alpaca (JSONL)"),
    /** Databricks Dolly: instruction, context, response, category. */
    DOLLY_JSONL("Dolly (JSONL)"),
    /** A run's examples.jsonl (PRODUCT.md, "Example record"). */
    INSTRUCTGEN_EXAMPLES("instructgen examples (JSONL)"),
    /** ShareGPT conversations, {conversations: [{from, value}]}, as one JSON array. */
    SHAREGPT_JSON("ShareGPT (JSON array)"),
    /** The same ShareGPT records, one per line (what {@code export --format sharegpt} writes). */
    SHAREGPT_JSONL("ShareGPT (JSONL)"),
    /** OpenAI's chat fine-tuning JSONL, {messages: [{role, content}]}. */
    OPENAI_CHAT_JSONL("OpenAI chat (JSONL)");

    private final String displayName;

    DatasetFormat(String displayName) {
        this.displayName = displayName;
    }

    /** True when the file is one JSON array rather than one JSON object per line. */
    public boolean jsonArray() {
        return this == ALPACA_JSON || this == SHAREGPT_JSON;
    }

    /** The chat schema of a ShareGPT or OpenAI chat file; null for the instruction formats. */
    public ChatSchema chat() {
        return switch (this) {
            case SHAREGPT_JSON, SHAREGPT_JSONL -> ChatSchema.SHAREGPT;
            case OPENAI_CHAT_JSONL -> ChatSchema.OPENAI_CHAT;
            default -> null;
        };
    }

    /** A name for messages and summaries, e.g. "Dolly (JSONL)". */
    public String displayName() {
        return displayName;
    }
}
