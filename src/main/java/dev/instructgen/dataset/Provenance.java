package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TokenUsage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Where an example came from (PRODUCT.md, "Example record").
 *
 * @param prompts   stage name to "template file@sha256 prefix"
 * @param parents   ids this example was generated from or shown with (seed ids in context, the evolved parent)
 * @param evolution present only on evolved examples
 * @param quality   present only on examples an LLM judge scored ({@code --judge}); records written before it
 *                  existed read with null
 * @param endpoint  host[:port][/path] of the pool endpoint that answered the call that produced the example,
 *                  present only when the teacher is a pool of endpoints (docs/teacher.md, "A pool of endpoints")
 * @param conversation present only on conversation records (self-chat): how many user turns it kept and why it
 *                  stopped there
 * @param answer    present only on examples whose output the answer pass wrote ({@code --answer-pass}): the
 *                  model that answered; {@code teacher} wrote the instruction and input
 */
public record Provenance(
        @JsonProperty("run_id") String runId,
        @JsonProperty("created_at") String createdAt,
        TeacherRef teacher,
        Map<String, String> prompts,
        List<String> parents,
        @JsonInclude(JsonInclude.Include.NON_NULL) Evolution evolution,
        Novelty novelty,
        Usage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) Quality quality,
        @JsonInclude(JsonInclude.Include.NON_NULL) String endpoint,
        @JsonInclude(JsonInclude.Include.NON_NULL) Conversation conversation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Answer answer) {

    public Provenance {
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    /** Provenance of an example no judge scored. */
    public Provenance(String runId, String createdAt, TeacherRef teacher, Map<String, String> prompts,
                      List<String> parents, Evolution evolution, Novelty novelty, Usage usage) {
        this(runId, createdAt, teacher, prompts, parents, evolution, novelty, usage, null, null, null, null);
    }

    /**
     * Provenance of a single-turn example of a teacher that is one endpoint, judged or not; the other fields are
     * added by {@link #withEndpoint}, {@link #withConversation} and {@link #withAnswer}.
     */
    public Provenance(String runId, String createdAt, TeacherRef teacher, Map<String, String> prompts,
                      List<String> parents, Evolution evolution, Novelty novelty, Usage usage, Quality quality) {
        this(runId, createdAt, teacher, prompts, parents, evolution, novelty, usage, quality, null, null, null);
    }

    /** The same provenance with the judge's verdict added. */
    public Provenance withQuality(Quality verdict) {
        return new Provenance(runId, createdAt, teacher, prompts, parents, evolution, novelty, usage, verdict,
                endpoint, conversation, answer);
    }

    /** The same provenance naming the pool endpoint that answered; null leaves it as it is. */
    public Provenance withEndpoint(String answeredBy) {
        return answeredBy == null ? this : new Provenance(runId, createdAt, teacher, prompts, parents, evolution,
                novelty, usage, quality, answeredBy, conversation, answer);
    }

    /** The same provenance saying how a conversation record ended. */
    public Provenance withConversation(Conversation ended) {
        return new Provenance(runId, createdAt, teacher, prompts, parents, evolution, novelty, usage, quality,
                endpoint, ended, answer);
    }

    /** The same provenance naming the model the answer pass asked for the output; null leaves it as it is. */
    public Provenance withAnswer(Answer answeredBy) {
        return answeredBy == null ? this : new Provenance(runId, createdAt, teacher, prompts, parents, evolution,
                novelty, usage, quality, endpoint, conversation, answeredBy);
    }

    /**
     * How a conversation record ended.
     *
     * @param userTurns  user turns kept, each answered by the assistant
     * @param stopReason why the conversation ends there: turns_reached, model_ended, cut_off, empty_turn,
     *                   repeated_turn or role_confused (docs/self-chat.md)
     */
    public record Conversation(@JsonProperty("user_turns") int userTurns,
                               @JsonProperty("stop_reason") String stopReason) {
    }

    /**
     * Who wrote the output of an example the answer pass answered ({@code --answer-pass}).
     *
     * @param teacher the answer model (the run's teacher unless {@code --answer-model/-url/-api} named another)
     */
    public record Answer(TeacherRef teacher) {
    }

    /**
     * What the LLM judge said about the example.
     *
     * @param score     0-5 on the rubric, null when the verdict could not be read and the example was kept anyway
     *                  ({@code --on-unreadable keep})
     * @param rationale the judge's short reason, as it gave it
     * @param judge     the model that judged
     */
    public record Quality(Double score, String rationale, TeacherRef judge) {
    }

    /** The teacher as recorded on an example: {"api", "model", "host"}. */
    public record TeacherRef(String api, String model, String host) {

        public static TeacherRef of(TeacherIdentity identity) {
            return new TeacherRef(identity.api().wireName(), identity.model(), identity.host());
        }
    }

    /** {@code created_at} of a record made now: ISO-8601 UTC, to the millisecond, the same for every method. */
    public static String timestamp(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Which evolution round and operation produced an evolved example. */
    public record Evolution(int round, String operation) {
    }

    /** Max ROUGE-L F1 against the pool when accepted, and the id of the most similar member. */
    public record Novelty(@JsonProperty("rouge_l_max") double rougeLMax,
                          @JsonProperty("most_similar") String mostSimilar) {
    }

    /** Tokens spent on the calls that produced this example. */
    public record Usage(@JsonProperty("prompt_tokens") long promptTokens,
                        @JsonProperty("completion_tokens") long completionTokens) {

        public static Usage of(TokenUsage usage) {
            return new Usage(usage.promptTokens(), usage.completionTokens());
        }
    }
}
