package dev.instructgen.pipeline.evol;

import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.evol.ApologyFilter;
import dev.instructgen.filter.evol.NoInformationGainCheck;
import dev.instructgen.filter.evol.PromptLeakFilter;
import dev.instructgen.filter.evol.StopwordsOnlyFilter;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.NoveltyDecision;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.Similarity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Evolves one instruction once and applies the elimination rules of WizardLM section 3.3, cheapest first:
 * an unusable rewrite, a prompt leak (rule 4), a rewrite identical to its parent (rule 1, text check), the
 * teacher's Equal / Not Equal judgement (rule 1), then the answer: an apology (rule 2), only stop words
 * (rule 3), and finally, when asked for, ROUGE-L novelty against everything accepted outside the lineage.
 * Thread-safe; a call blocks on up to three teacher requests.
 */
public final class EvolutionStep {

    /** Our additions to the paper's rules, each with its own code. */
    public static final String EMPTY = "empty_evolution";
    public static final String EVOLUTION_CUT_OFF = "evolution_cut_off";
    public static final String RESPONSE_CUT_OFF = "response_cut_off";
    public static final String NOT_NOVEL = "rouge_similarity";
    public static final String TEACHER_ERROR = "teacher_error";

    public static final String STAGE_JUDGE = "evol-judge";
    public static final String STAGE_RESPONSE = "evol-response";

    private final TeacherClient teacher;
    private final EvolPrompts prompts;
    private final EvolSettings settings;
    private final NoveltyIndex novelty;
    private final EvolutionStats stats;
    private final NoInformationGainCheck sameAsParent = new NoInformationGainCheck();
    private final PromptLeakFilter leak = new PromptLeakFilter();
    private final ApologyFilter apology = new ApologyFilter();
    private final StopwordsOnlyFilter stopwordsOnly = new StopwordsOnlyFilter();

    /** @param novelty the evolved set's novelty index, or null when the novelty filter is off */
    public EvolutionStep(TeacherClient teacher, EvolPrompts prompts, EvolSettings settings, NoveltyIndex novelty,
                         EvolutionStats stats) {
        this.teacher = teacher;
        this.prompts = prompts;
        this.settings = settings;
        this.novelty = novelty;
        this.stats = stats;
    }

    public Attempt attempt(Lineage lineage, int round, EvolOperation op) {
        Map<String, String> used = new LinkedHashMap<>();
        TokenUsage[] spent = {TokenUsage.ZERO};
        try {
            return run(lineage, round, op, used, spent);
        } catch (RetriableTeacherException e) {
            // Retries are exhausted below us: this evolution failed, the parent goes back into the pool.
            return new Attempt.Eliminated(op, round, TEACHER_ERROR, "teacher failed: " + e.getMessage(),
                    lineage.currentText(), null, spent[0]);
        }
    }

    private Attempt run(Lineage lineage, int round, EvolOperation op, Map<String, String> used, TokenUsage[] spent) {
        String parent = lineage.currentText();
        EvolPrompts.Rendered evolvePrompt = prompts.render(op.templateFile(), Map.of("instruction", parent));
        used.put("evolve", evolvePrompt.provenance());
        TeacherReply rewrite = call(op.stage(), evolvePrompt.text(), settings.evolve(), spent);
        EvolvedInstruction evolved = EvolvedInstruction.parse(rewrite.text());
        if (rewrite.wasCutOff()) {
            return eliminated(op, round, EVOLUTION_CUT_OFF, "rewrite cut off by the token limit", rewrite.text(),
                    null, spent);
        }
        if (evolved.isEmpty()) {
            return eliminated(op, round, EMPTY, "the rewrite is empty", rewrite.text(), null, spent);
        }
        if (evolved.labelStripped()) {
            stats.labelStripped();
        }
        String child = evolved.text();
        Verdict v = leak.check(child);
        if (v.accepted()) {
            v = sameAsParent.check(parent, child);
        }
        if (v.accepted() && settings.equalityJudge()) {
            v = judge(parent, child, used, spent);
        }
        if (v.rejected()) {
            return eliminated(op, round, v.reason(), v.detail(), child, null, spent);
        }

        EvolPrompts.Rendered answerPrompt = prompts.render(EvolPrompts.RESPONSE, Map.of("instruction", child));
        used.put("response", answerPrompt.provenance());
        TeacherReply answer = call(STAGE_RESPONSE, answerPrompt.text(), settings.respond(), spent);
        String response = answer.text().strip();
        if (answer.wasCutOff()) {
            return eliminated(op, round, RESPONSE_CUT_OFF, "response cut off by the token limit", child, response,
                    spent);
        }
        v = apology.check(response);
        if (v.accepted()) {
            v = stopwordsOnly.check(response);
        }
        if (v.rejected()) {
            return eliminated(op, round, v.reason(), v.detail(), child, response, spent);
        }

        Similarity nearest = null;
        if (novelty != null) {
            NoveltyDecision d = novelty.admit(lineage.childId(round), child, java.util.Set.copyOf(lineage.ancestors()));
            nearest = d.nearest();
            if (!d.novel()) {
                return eliminated(op, round, NOT_NOVEL, String.format(Locale.ROOT,
                        "ROUGE-L F1 %.3f > %.2f against %s", nearest.score(), novelty.threshold(),
                        nearest.mostSimilarId()), child, response, spent);
            }
        }
        return new Attempt.Evolved(op, round, child, response, used, spent[0], nearest);
    }

    private Verdict judge(String parent, String child, Map<String, String> used, TokenUsage[] spent) {
        EvolPrompts.Rendered p = prompts.render(EvolPrompts.JUDGE, Map.of("parent", parent, "child", child));
        used.put("judge", p.provenance());
        TeacherReply reply = call(STAGE_JUDGE, p.text(), EvolSettings.JUDGE, spent);
        EqualityAnswer answer = EqualityAnswer.parse(reply.text());
        if (answer == EqualityAnswer.UNCLEAR) {
            stats.judgeUnclear();
        }
        return NoInformationGainCheck.judged(answer == EqualityAnswer.EQUAL);
    }

    private TeacherReply call(String stage, String prompt, Sampling sampling, TokenUsage[] spent) {
        TeacherReply reply = teacher.complete(TeacherRequest.ofUserPrompt(stage, prompt, sampling));
        spent[0] = spent[0].plus(reply.usage());
        return reply;
    }

    private static Attempt eliminated(EvolOperation op, int round, String reason, String detail, String instruction,
                                      String response, TokenUsage[] spent) {
        return new Attempt.Eliminated(op, round, reason, detail, instruction, response, spent[0]);
    }
}
