package dev.instructgen.method.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.Scheduler;
import dev.instructgen.teacher.RequestFailedException;
import dev.instructgen.teacher.TokenUsage;

/**
 * Feeds the engine: each job is one teacher request of one evolution. A rewrite job submits the judge job, the
 * judge job the response job; the chains record the end of every attempt. Later stages get higher priority
 * (Priorities), so evolutions already paid for finish before new ones start.
 */
public final class EvolSource implements JobSource {

    private final EvolChains chains;
    private final EvolutionStep step;
    private final OperationDraw draw;
    private final Scheduler scheduler;

    public EvolSource(EvolChains chains, EvolutionStep step, OperationDraw draw, Scheduler scheduler) {
        this.chains = chains;
        this.step = step;
        this.draw = draw;
        this.scheduler = scheduler;
    }

    @Override
    public Job next() {
        Lineage l = chains.take();
        if (l == null) {
            return null;
        }
        int round = l.roundsDone() + 1;
        // The draw depends only on (seed, the instruction being evolved, round): reproducible under any timing.
        return new Rewrite(l, round, draw.draw(l.currentId(), round));
    }

    @Override
    public boolean exhausted() {
        return chains.exhausted();
    }

    private void handOn(Lineage lineage, EvolutionStep.Next next) {
        if (next instanceof EvolutionStep.Next.Done done) {
            chains.finish(lineage, done.attempt());
        } else {
            Candidate c = ((EvolutionStep.Next.Continue) next).candidate();
            scheduler.submit(step.judges() && !c.prompts().containsKey("judge") ? new Judge(c) : new Respond(c));
        }
    }

    /** Runs one stage; a request that failed after its retries ends the attempt as a teacher error. */
    private abstract class Stage implements Job {
        final Lineage lineage;
        final int round;
        final EvolOperation op;
        /** The rewrite once known, else the instruction being evolved: what rejected.jsonl shows on failure. */
        final String instruction;

        Stage(Lineage lineage, int round, EvolOperation op, String instruction) {
            this.lineage = lineage;
            this.round = round;
            this.op = op;
            this.instruction = instruction;
        }

        abstract void work();

        @Override
        public final void run() {
            try {
                work();
            } catch (RequestFailedException e) {
                chains.finish(lineage, new Attempt.Eliminated(op, round, RejectionReason.TEACHER_ERROR,
                        stage() + " request failed after retries: " + e.getMessage(), instruction, null,
                        TokenUsage.ZERO));
                throw e;
            } catch (RuntimeException | Error e) {
                chains.abandon(lineage);
                throw e;
            }
        }
    }

    private final class Rewrite extends Stage {
        Rewrite(Lineage lineage, int round, EvolOperation op) {
            super(lineage, round, op, lineage.currentText());
        }

        @Override
        public String stage() {
            return op.stage();
        }

        @Override
        public int priority() {
            return Priorities.TRANSFORM;
        }

        @Override
        void work() {
            handOn(lineage, step.rewrite(lineage, round, op));
        }
    }

    private final class Judge extends Stage {
        private final Candidate candidate;

        Judge(Candidate c) {
            super(c.lineage(), c.round(), c.operation(), c.instruction());
            this.candidate = c;
        }

        @Override
        public String stage() {
            return EvolutionStep.STAGE_JUDGE;
        }

        @Override
        public int priority() {
            return Priorities.JUDGE;
        }

        @Override
        void work() {
            handOn(lineage, step.judge(candidate));
        }
    }

    private final class Respond extends Stage {
        private final Candidate candidate;

        Respond(Candidate c) {
            super(c.lineage(), c.round(), c.operation(), c.instruction());
            this.candidate = c;
        }

        @Override
        public String stage() {
            return EvolutionStep.STAGE_RESPONSE;
        }

        @Override
        public int priority() {
            return Priorities.FINISH;
        }

        @Override
        void work() {
            chains.finish(lineage, step.respond(candidate));
        }
    }
}
