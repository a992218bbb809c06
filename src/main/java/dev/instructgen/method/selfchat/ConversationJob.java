package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.List;

/**
 * The one stage of self-chat: one request has the teacher write a whole transcript about a topic, playing both
 * the user and the assistant (Baize, Xu et al. 2023, section 2.1); the conversation read from it is kept when it
 * has at least --min-turns full exchanges and its opening user turn is novel (ROUGE-L) against the opening turns
 * of the conversations kept before it. Everything else goes to rejected.jsonl with the reason.
 */
final class ConversationJob implements Stage.Work<ConversationJob.Assignment> {

    /** A topic to talk about, with the seed set it comes from (for the license) and the conversation's id. */
    record Assignment(String id, Topic topic, SeedSource source) {
    }

    private final RunContext ctx;
    private final SelfChatPrompts prompts;
    private final SelfChatSettings settings;
    private final NoveltyFilter novelty;
    private final ConversationCounts counts;
    private final TranscriptParser parser;

    ConversationJob(RunContext ctx, SelfChatPrompts prompts, SelfChatSettings settings, NoveltyFilter novelty,
                    ConversationCounts counts) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.settings = settings;
        this.novelty = novelty;
        this.counts = counts;
        this.parser = new TranscriptParser(settings.turns());
    }

    /** @return whether a conversation was kept */
    boolean run(Assignment job) {
        if (ctx.targetReached()) {
            return false;
        }
        ctx.stats().onProposed(1);
        TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(SelfChatSettings.STAGE,
                prompts.render(job.topic(), settings.turns()), settings.sampling()));
        Transcript transcript = parser.read(reply.text(), reply.wasCutOff());
        int exchanges = transcript.exchanges();
        if (exchanges == 0) {
            return reject(job, RejectionReason.NO_EXCHANGE, transcript.stop().code() + ": " + transcript.detail(),
                    transcript);
        }
        if (exchanges < settings.minTurns()) {
            return reject(job, RejectionReason.TOO_FEW_TURNS, exchanges + " of --min-turns " + settings.minTurns()
                    + " exchanges; " + transcript.stop().code() + ": " + transcript.detail(), transcript);
        }
        NoveltyFilter.Admission admission = novelty.admit(new NoveltyFilter.Candidate(job.id(),
                transcript.firstUserTurn()));
        if (admission.verdict() instanceof Verdict.Reject r) {
            return reject(job, r.reason(), r.detail(), transcript);
        }
        Provenance.Novelty measured = admission.nearest() == null ? null
                : new Provenance.Novelty(admission.nearest().score(), admission.nearest().mostSimilarId());
        Provenance provenance = new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(), prompts.provenance(),
                List.of(job.topic().id()), null, measured, Provenance.Usage.of(reply.usage()), null)
                .withConversation(new Provenance.Conversation(exchanges, transcript.stop().code()));
        List<Example.Message> messages = transcript.messages();
        Example example = new Example(job.id(), messages.get(0).content(), "", messages.get(1).content(),
                MethodId.SELF_CHAT, job.id(), false, provenance, ctx.licenseTagger().tag(List.of(job.source())),
                messages);
        // counted before the write: the engine may take its final snapshot as soon as the target is reached
        counts.kept(exchanges, transcript.stop().code());
        if (ctx.accept(example)) {
            return true;
        }
        counts.unkept(exchanges, transcript.stop().code());
        return false;
    }

    @Override
    public void process(Assignment job, Stage.HandOff handOff) {
        run(job);
    }

    private boolean reject(Assignment job, RejectionReason reason, String detail, Transcript transcript) {
        counts.rejected();
        ctx.reject(new Rejection(job.id(), SelfChatSettings.STAGE, reason, detail, transcript.firstUserTurn(), "",
                transcript.asText(), List.of(job.topic().id()), Rejection.now(ctx.clock())));
        return false;
    }
}
