package dev.instructgen.method.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.evol.NoInformationGainCheck;
import dev.instructgen.filter.evol.Rewrite;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.text.Similarity;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The three stages of one evolution, each one teacher request, with the elimination rules of WizardLM section
 * 3.3 applied cheapest first: {@link #rewrite} (an unusable rewrite, a prompt leak = rule 4, a rewrite identical
 * to its parent = rule 1 by text), {@link #judge} (rule 1 by the teacher's Equal / Not Equal), {@link #respond}
 * (an apology = rule 2, only stop words = rule 3, then optional ROUGE-L novelty against everything accepted
 * outside the lineage). The rules themselves are assembled in {@link EvolFilters}. Thread-safe.
 */
public final class EvolutionStep {

    public static final String STAGE_JUDGE = "evol-judge";
    public static final String STAGE_RESPONSE = "evol-response";

    /** What a stage hands on: the candidate for the next stage, or the finished attempt. */
    public sealed interface Next {
        record Continue(Candidate candidate) implements Next {
        }

        record Done(Attempt attempt) implements Next {
        }
    }

    private final TeacherClient teacher;
    private final EvolPrompts prompts;
    private final EvolSettings settings;
    private final EvolFilters filters;
    private final EvolutionStats stats;
    private final Consumer<String> warnings;

    /** The run's warning when the judge's verdicts cannot be read: nothing is eliminated by it then. */
    public static final String JUDGE_UNREADABLE = "more than 5% of the equality judge's answers could not be read "
            + "as Equal or Not Equal, so those rewrites were not eliminated; see evolution.judge_unclear in "
            + "stats.json (a model that reasons first needs a higher sampling.judge.max-tokens)";

    public EvolutionStep(TeacherClient teacher, EvolPrompts prompts, EvolSettings settings, EvolFilters filters,
                         EvolutionStats stats) {
        this(teacher, prompts, settings, filters, stats, message -> { });
    }

    /** @param warnings where the run's warnings go (the user's error stream) */
    public EvolutionStep(TeacherClient teacher, EvolPrompts prompts, EvolSettings settings, EvolFilters filters,
                         EvolutionStats stats, Consumer<String> warnings) {
        this.warnings = warnings;
        this.teacher = teacher;
        this.prompts = prompts;
        this.settings = settings;
        this.filters = filters;
        this.stats = stats;
    }

    /** Whether candidates go through {@link #judge} before {@link #respond}. */
    public boolean judges() {
        return settings.equalityJudge();
    }

    /** Stage 1: the teacher rewrites the lineage's current instruction with {@code op}. */
    public Next rewrite(Lineage lineage, int round, EvolOperation op) {
        EvolPrompts.Rendered prompt = prompts.render(op.templateFile(), Map.of("instruction", lineage.currentText(),
                "format", InputFormats.pick(settings.randomSeed(), lineage.rootId(), round)));
        TeacherReply reply = call(op.stage(), prompt.text(), settings.evolve());
        Candidate c = new Candidate(lineage, round, op, "", Map.of(), TokenUsage.ZERO)
                .after("evolve", prompt.provenance(), reply.usage());
        if (reply.wasCutOff()) {
            return done(c.eliminated(RejectionReason.EVOLUTION_CUT_OFF, "rewrite cut off by the token limit",
                    reply.text(), null));
        }
        EvolvedInstruction evolved = EvolvedInstruction.parse(reply.text());
        if (evolved.isEmpty()) {
            return done(c.eliminated(RejectionReason.EMPTY_EVOLUTION, "the rewrite is empty", reply.text(), null));
        }
        if (evolved.labelStripped()) {
            stats.labelStripped();
        }
        if (filters.rewrite().check(new Rewrite(lineage.currentText(), evolved.text())) instanceof Verdict.Reject r) {
            return done(c.eliminated(r.reason(), r.detail(), evolved.text(), null));
        }
        return new Next.Continue(c.withInstruction(evolved.text()));
    }

    /** Stage 2: the teacher judges whether the rewrite gains anything over its parent. */
    public Next judge(Candidate c) {
        EvolPrompts.Rendered prompt = prompts.render(EvolPrompts.JUDGE,
                Map.of("parent", c.lineage().currentText(), "child", c.instruction()));
        TeacherReply reply = teacher.complete(TeacherRequest.ofUserPrompt(STAGE_JUDGE, prompt.text(), settings.judge())
                .withSchema(EqualitySchema.SCHEMA));
        Candidate judged = c.after("judge", prompt.provenance(), reply.usage());
        EqualityAnswer answer = EqualityAnswer.parse(reply.text());
        if (stats.judged(answer == EqualityAnswer.UNCLEAR)) {
            warnings.accept(JUDGE_UNREADABLE);
        }
        return NoInformationGainCheck.judged(answer == EqualityAnswer.EQUAL) instanceof Verdict.Reject r
                ? done(judged.eliminated(r.reason(), r.detail(), c.instruction(), null))
                : new Next.Continue(judged);
    }

    /** Stage 3: the teacher answers the evolved instruction; the answer and novelty decide. */
    public Attempt respond(Candidate c) {
        EvolPrompts.Rendered prompt = prompts.render(EvolPrompts.RESPONSE, Map.of("instruction", c.instruction()));
        TeacherReply reply = call(STAGE_RESPONSE, prompt.text(), settings.respond());
        Candidate answered = c.after("response", prompt.provenance(), reply.usage());
        String response = ReasoningBlocks.strip(reply.text()).strip();
        if (reply.wasCutOff()) {
            return answered.eliminated(RejectionReason.RESPONSE_CUT_OFF, "response cut off by the token limit",
                    c.instruction(), response);
        }
        if (filters.response().check(response) instanceof Verdict.Reject r) {
            return answered.eliminated(r.reason(), r.detail(), c.instruction(), response);
        }
        NoveltyFilter.Admission novelty = filters.novelty().admit(
                new NoveltyFilter.Candidate(c.id(), c.instruction(), Set.copyOf(c.lineage().ancestors())));
        if (novelty.verdict() instanceof Verdict.Reject r) {
            return answered.eliminated(r.reason(), r.detail(), c.instruction(), response);
        }
        Similarity nearest = novelty.nearest(); // null when the novelty check is off
        return new Attempt.Evolved(c.operation(), c.round(), c.instruction(), response, answered.prompts(),
                answered.usage(), nearest).answeredBy(reply.endpoint());
    }

    /** All stages in a row on the calling thread (the engine runs them as separate jobs instead). */
    public Attempt attempt(Lineage lineage, int round, EvolOperation op) {
        Next next = rewrite(lineage, round, op);
        if (next instanceof Next.Continue c && judges()) {
            next = judge(c.candidate());
        }
        return next instanceof Next.Continue c ? respond(c.candidate()) : ((Next.Done) next).attempt();
    }

    private TeacherReply call(String stage, String prompt, Sampling sampling) {
        return teacher.complete(TeacherRequest.ofUserPrompt(stage, prompt, sampling));
    }

    private static Next done(Attempt attempt) {
        return new Next.Done(attempt);
    }
}
