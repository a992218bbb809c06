package dev.instructgen.method.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.QualityTally;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.pipeline.StageGraph;
import dev.instructgen.teacher.RequestFailedException;
import dev.instructgen.teacher.TokenUsage;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The stages of one evolution, each one teacher request: {@code rewrite -> judge -> response} (without the
 * equality judge {@code rewrite -> response}), and the source that draws the next lineage of the round. The chains
 * record the end of every attempt. Later stages get higher priority (Priorities), so evolutions already paid for
 * finish before new ones start.
 */
public final class EvolSource {

    /** A rewrite to do: the lineage, its round and the operation drawn for it. */
    record Draw(Lineage lineage, int round, EvolOperation op) {
    }

    private final EvolChains chains;
    private final EvolutionStep step;
    private final OperationDraw draw;
    private final Stage<Draw> rewrite;
    private final Stage<Candidate> judge;
    private final Stage<Candidate> respond;
    private final Stage<Answered> quality;
    private final StageGraph graph;

    /** An answered evolution on its way to the LLM judge. */
    record Answered(Lineage lineage, Attempt.Evolved evolved) {
    }

    /** The LLM judge of a run ({@code --judge}), its counters and where its warning goes. */
    public record Judging(LlmJudge judge, QualityTally tally, Consumer<String> warnings) {
    }

    public EvolSource(EvolChains chains, EvolutionStep step, OperationDraw draw) {
        this(chains, step, draw, null);
    }

    /**
     * @param judging the LLM judge every answered evolution must pass before it is written, or null; its stage
     *                follows the response: {@code ... -> evol-response -> quality-judge}
     */
    public EvolSource(EvolChains chains, EvolutionStep step, OperationDraw draw, Judging judging) {
        this.chains = chains;
        this.step = step;
        this.draw = draw;
        this.quality = judging == null ? null : new Stage<>(LlmJudge.STAGE, Priorities.FINISH - 1,
                a -> LlmJudge.STAGE, (a, handOff) -> attempt(a.lineage(), a.evolved().round(),
                a.evolved().operation(), LlmJudge.STAGE, a.evolved().instruction(),
                () -> chains.finish(a.lineage(), judged(a.evolved(), judging))));
        this.respond = Stage.of(EvolutionStep.STAGE_RESPONSE, Priorities.FINISH, guarded(EvolutionStep.STAGE_RESPONSE,
                (c, handOff) -> {
                    Attempt answered = step.respond(c);
                    if (quality != null && answered instanceof Attempt.Evolved e) {
                        handOff.to(quality, new Answered(c.lineage(), e));
                    } else {
                        chains.finish(c.lineage(), answered);
                    }
                }));
        this.judge = Stage.of(EvolutionStep.STAGE_JUDGE, Priorities.JUDGE, guarded(EvolutionStep.STAGE_JUDGE,
                (c, handOff) -> handOn(c.lineage(), step.judge(c), handOff)));
        this.rewrite = new Stage<>("evol-rewrite", Priorities.TRANSFORM, d -> d.op().stage(),
                (d, handOff) -> attempt(d.lineage(), d.round(), d.op(), d.op().stage(), d.lineage().currentText(),
                        () -> handOn(d.lineage(), step.rewrite(d.lineage(), d.round(), d.op()), handOff)));
        StageGraph.Builder stages = StageGraph.builder().stage(rewrite).stage(judge).stage(respond)
                .edge(rewrite, judge).edge(rewrite, respond).edge(judge, respond);
        if (quality != null) {
            stages.stage(quality).edge(respond, quality);
        }
        this.graph = stages.build();
    }

    /** The judge's decision on an answered evolution: kept with its verdict, or eliminated with its score. */
    private static Attempt judged(Attempt.Evolved e, Judging judging) {
        LlmJudge.Judgement j = judging.judge().judge(e.instruction(), "", e.response());
        Attempt outcome = j.verdict() instanceof Verdict.Reject r
                ? new Attempt.Eliminated(e.operation(), e.round(), r.reason(), r.detail(), e.instruction(),
                e.response(), e.usage().plus(j.usage()), j.score())
                : e.judged(judging.judge().provenance(), j.usage(), j.quality());
        if (judging.tally().count(j, j.verdict().accepted())) {
            judging.warnings().accept(QualityTally.UNREADABLE_WARNING);
        }
        return outcome;
    }

    public StageGraph stages() {
        return graph;
    }

    public JobSource source(StageGraph.Jobs jobs) {
        return new JobSource() {
            @Override
            public Job next() {
                Lineage l = chains.take();
                if (l == null) {
                    return null;
                }
                int round = l.roundsDone() + 1;
                // The draw depends only on (seed, the instruction being evolved, round): reproducible under any
                // timing.
                return jobs.job(rewrite, new Draw(l, round, draw.draw(l.currentId(), round)));
            }

            @Override
            public boolean exhausted() {
                return chains.exhausted();
            }
        };
    }

    private void handOn(Lineage lineage, EvolutionStep.Next next, Stage.HandOff handOff) {
        if (next instanceof EvolutionStep.Next.Done done) {
            chains.finish(lineage, done.attempt());
        } else {
            Candidate c = ((EvolutionStep.Next.Continue) next).candidate();
            handOff.to(step.judges() && !c.prompts().containsKey("judge") ? judge : respond, c);
        }
    }

    private Stage.Work<Candidate> guarded(String stage, BiConsumer<Candidate, Stage.HandOff> work) {
        return (c, handOff) -> attempt(c.lineage(), c.round(), c.operation(), stage, c.instruction(),
                () -> work.accept(c, handOff));
    }

    /**
     * Runs one stage's work; a request that failed after its retries ends the attempt as a teacher error, anything
     * else abandons the lineage. {@code instruction} is what rejected.jsonl shows on failure: the rewrite once
     * known, else the instruction being evolved.
     */
    private void attempt(Lineage lineage, int round, EvolOperation op, String stage, String instruction,
                         Runnable work) {
        try {
            work.run();
        } catch (RequestFailedException e) {
            chains.finish(lineage, new Attempt.Eliminated(op, round, RejectionReason.TEACHER_ERROR,
                    stage + " request failed after retries: " + e.getMessage(), instruction, null,
                    TokenUsage.ZERO));
            throw e;
        } catch (RuntimeException | Error e) {
            chains.abandon(lineage);
            throw e;
        }
    }
}
