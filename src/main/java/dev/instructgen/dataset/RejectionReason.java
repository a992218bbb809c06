package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of every reason a candidate can be rejected for: the stable code written to rejected.jsonl and
 * counted in stats.json, the stage that emits it (as written in the line's {@code stage} field) and a one-line
 * description. {@code stats}, the dataset card and docs/rejections.md print what this says; a test holds the
 * docs table to it.
 *
 * <p>A code never changes once a run has written it. When two codes are merged, the retired one stays here as an
 * alias so journals written with it are still read, and counted, under the surviving code.
 */
public enum RejectionReason {

    // Self-Instruct (Wang et al. 2023, section 2.3, and the reference code's filters)
    CUT_OFF("cut_off", "instruction-generation, instance-generation",
            "the reply hit the length limit, so its last item or instance may be incomplete"),
    TOO_SHORT("too_short", "instruction-generation", "the instruction has fewer words than the minimum"),
    TOO_LONG("too_long", "instruction-generation", "the instruction has more words than the maximum"),
    BLACKLISTED_KEYWORD("blacklisted_keyword", "instruction-generation",
            "the instruction mentions something a text-only model cannot see or produce"),
    STARTS_WITH_WRITE_A_PROGRAM("starts_with_write_a_program", "instruction-generation",
            "the instruction starts with \"Write a program\""),
    STARTS_WITH_PUNCTUATION("starts_with_punctuation", "instruction-generation",
            "the instruction starts with punctuation"),
    STARTS_WITH_NON_LETTER("starts_with_non_letter", "instruction-generation",
            "the instruction is empty or starts with anything but an ASCII letter"),
    TOO_SIMILAR("too_similar", "instruction-generation, evol-<operation>, invert",
            "ROUGE-L F1 above the novelty threshold against an instruction already in the pool",
            "rouge_similarity"),
    NOT_CLASSIFICATION_ANSWER("not_classification_answer", "classification",
            "the classification reply has neither Yes nor No"),
    NO_INSTANCES("no_instances", "instance-generation", "no instance could be parsed from the reply"),
    EMPTY_OUTPUT("empty_output", "instance-generation, template", "the instance's output is empty"),
    INPUT_EQUALS_OUTPUT("input_equals_output", "instance-generation", "the instance's output repeats its input"),
    FIELD_ENDS_WITH_COLON("field_ends_with_colon", "instance-generation",
            "the instance's input or output ends with ':' (an unfinished generation)"),
    CONFLICTING_OUTPUTS("conflicting_outputs", "instance-generation",
            "one input has different outputs, so every instance of the task is dropped"),
    DUPLICATE_INSTANCE("duplicate_instance", "instance-generation",
            "an exact repeat of an earlier instance of the same task"),
    OVER_INSTANCE_LIMIT("over_instance_limit", "instance-generation",
            "the task already has its maximum number of instances"),

    // Evol-Instruct (WizardLM, Xu et al. 2023, section 3.3 elimination rules, and ours)
    PROMPT_LEAK("prompt_leak", "evol-<operation>", "the rewrite copies words of the evolving prompt (rule 4)"),
    NO_INFORMATION_GAIN("no_information_gain", "evol-<operation>",
            "the rewrite adds nothing to its parent, by text or by the judge's Equal (rule 1)"),
    RESPONSE_APOLOGY("response_apology", "evol-<operation>",
            "the answer says \"sorry\" in fewer than 80 words (rule 2)"),
    RESPONSE_STOPWORDS_ONLY("response_stopwords_only", "evol-<operation>",
            "the answer is empty or only punctuation and stop words (rule 3)"),
    EMPTY_EVOLUTION("empty_evolution", "evol-<operation>", "the rewrite is empty"),
    EVOLUTION_CUT_OFF("evolution_cut_off", "evol-<operation>", "the rewrite hit the token limit"),
    RESPONSE_CUT_OFF("response_cut_off", "evol-<operation>", "the answer hit the token limit"),
    TEACHER_ERROR("teacher_error", "evol-<operation>",
            "a request of the evolution still failed after the teacher stack's retries"),

    // mix (docs/mixing.md): the cross-source ROUGE-L dedup
    CROSS_SOURCE_DUPLICATE("cross_source_duplicate", "mix",
            "ROUGE-L F1 above the threshold against a record an earlier source already put into the mix"),
    // Quality (issue 12): semantic near-duplicates and benchmark decontamination
    SEMANTIC_DUPLICATE("semantic_duplicate", "curate, instruction-generation, evol-<operation>",
            "embedding cosine similarity above the threshold with an instruction already kept"),
    BENCHMARK_OVERLAP("benchmark_overlap",
            "curate, instruction-generation, instance-generation, evol-<operation>",
            "shares a long word n-gram with a benchmark item, or its ROUGE-L F1 with one exceeds the threshold"),
    // Input inversion (docs/invert.md)
    INVERSION_SKIPPED("inversion_skipped", "invert", "the teacher answered SKIP: the example makes no sense inverted"),
    EMPTY_INVERSION("empty_inversion", "invert", "the reply held no inverse instruction"),
    INVERSION_CUT_OFF("inversion_cut_off", "invert", "the inversion reply hit the token limit"),
    // LLM judge (docs/quality.md)
    LOW_QUALITY("low_quality", "quality-judge, evol-<operation>",
            "the LLM judge scored the example below --min-score (AlpaGasus rubric, 0-5)"),
    JUDGE_UNREADABLE("judge_unreadable", "quality-judge, evol-<operation>",
            "no score could be read from the judge's reply, also after one retry (--on-unreadable drop)"),
    // Self-chat (docs/self-chat.md): a kept conversation needs at least one full user/assistant exchange
    NO_EXCHANGE("no_exchange", "self-chat",
            "the transcript holds no complete user turn with an assistant reply before it stopped"),
    TOO_FEW_TURNS("too_few_turns", "self-chat",
            "the conversation stopped with fewer full exchanges than --min-turns"),
    // Answer pass (docs/self-instruct.md, "Answer pass")
    ANSWER_CUT_OFF("answer_cut_off", "answer", "the answer pass's reply hit the token limit"),
    EMPTY_ANSWER("empty_answer", "answer", "the answer pass's reply held no answer once reasoning and chatter "
            + "were removed");

    private static final Map<String, RejectionReason> BY_CODE = new HashMap<>();

    static {
        for (RejectionReason reason : values()) {
            register(reason.code, reason);
            reason.aliases.forEach(alias -> register(alias, reason));
        }
    }

    private final String code;
    private final String stage;
    private final String description;
    private final List<String> aliases;

    RejectionReason(String code, String stage, String description, String... aliases) {
        this.code = code;
        this.stage = stage;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    private static void register(String code, RejectionReason reason) {
        if (BY_CODE.put(code, reason) != null) {
            throw new IllegalStateException("rejection code " + code + " is listed twice");
        }
    }

    /** The stable code of rejected.jsonl's {@code reason} and of stats.json's {@code rejected} counts. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The stage that emits it, as rejected.jsonl's {@code stage} field names it. */
    public String stage() {
        return stage;
    }

    public String description() {
        return description;
    }

    /** Codes earlier versions wrote for this reason, read as this one. */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * The reason for a code read from a journal, retired aliases included.
     *
     * @throws IllegalArgumentException when no reason has that code
     */
    @JsonCreator
    public static RejectionReason fromCode(String code) {
        RejectionReason reason = code == null ? null : BY_CODE.get(code);
        if (reason == null) {
            throw new IllegalArgumentException("unknown rejection reason \"" + code + "\" (the reasons are listed in"
                    + " docs/rejections.md)");
        }
        return reason;
    }

    /** Every reason in catalogue order. */
    public static List<RejectionReason> catalogue() {
        return Arrays.asList(values());
    }
}
