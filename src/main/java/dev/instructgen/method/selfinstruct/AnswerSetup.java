package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Provenance;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.pricing.Price;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a command settled about the answer pass ({@code --answer-pass}): which instances it answers, the model that
 * answers (the run's teacher unless {@code --answer-url/-model/-api} name another), that model's terms and price,
 * its sampling and the template of its request.
 *
 * @param ownStack whether the answer model needs a teacher stack of its own (another endpoint or model);
 *                 otherwise its requests go through the run's teacher
 * @param terms    the answer model's terms, which join the license block of every answered example
 * @param price    the answer model's price per token (its requests are priced by it, not the teacher's)
 */
public record AnswerSetup(AnswerScope scope, TeacherSettings teacher, boolean ownStack, TeacherTerms terms,
                          Price price, Sampling sampling, PromptTemplate template) {

    /** The stage name: requests, rejections and provenance.prompts say "answer". */
    public static final String STAGE = "answer";
    /** The template, under prompts/ (overridable with --prompts). */
    public static final String TEMPLATE = "self-instruct/answer.txt";
    /** Greedy, as Self-Instruct's instance generation; room for a full answer. */
    public static final Sampling DEFAULT_SAMPLING = new Sampling(0.0, null, 1024, null, List.of());

    public AnswerSetup {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(template, "template");
    }

    /** The answer model as provenance.answer records it. */
    public Provenance.Answer provenance() {
        return new Provenance.Answer(Provenance.TeacherRef.of(teacher.identity()));
    }

    /** The cost of the answer model's tokens; a model without a known price costs nothing, as the teacher's. */
    public CostModel cost() {
        return price.isKnown() ? price::cost : CostModel.FREE;
    }

    /** The request for one instance: the instruction, then its input when it has one. */
    public String prompt(String instruction, String input) {
        return template.render(Map.of("instruction", instruction.strip(), "input", input == null ? ""
                : input.strip())).strip();
    }

    /**
     * The manifest's {@code answer} settings: a resume with another scope, answer model, template or sampling is
     * refused by name; the endpoint may change, as the teacher's may.
     */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", scope.key());
        m.put("model", teacher.model());
        m.put("api", teacher.api().wireName());
        m.put("template", template.provenanceId());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("temperature", sampling.temperature());
        s.put("top_p", sampling.topP());
        s.put("max_tokens", sampling.maxTokens());
        s.put("presence_penalty", sampling.presencePenalty());
        s.put("stop", sampling.stop());
        m.put("sampling", s);
        return m;
    }

    /** For the settings table and the dataset card: what was answered, and by which model. */
    public String describe() {
        return scope.describe() + ", answered by " + teacher.model() + " @ " + teacher.host();
    }
}
