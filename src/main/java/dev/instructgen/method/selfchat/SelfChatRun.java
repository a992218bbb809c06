package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.pipeline.StageGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A self-chat run on the engine: one stage, {@code self-chat}, fed with topics. Every topic is talked about once
 * before any is talked about again (Baize writes one conversation per seed); the order within a round is shuffled
 * with the run's seeded randomness. On resume the journals say how often each topic was used already, and the
 * kept conversations' opening turns go back into the novelty pool. Transcripts are started only while those in
 * flight could still be needed for --target.
 */
final class SelfChatRun implements GenerationMethod.MethodRun {

    private final RunContext ctx;
    private final SelfChatSettings settings;
    private final List<Topic> topics;
    private final Map<String, Integer> uses = new HashMap<>();
    private final Function<Topic, SeedSource> sourceOf;
    private final ConversationCounts counts;
    private final SessionIds ids;
    private final Stage<ConversationJob.Assignment> stage;
    private final StageGraph graph;
    private Deque<Topic> queue;
    private int inFlight;
    private int fruitlessInARow;

    SelfChatRun(RunContext ctx, List<Topic> topics, Function<Topic, SeedSource> sourceOf, SelfChatPrompts prompts,
                SelfChatSettings settings) {
        this.ctx = ctx;
        this.settings = settings;
        this.topics = List.copyOf(topics);
        this.sourceOf = sourceOf;
        this.counts = new ConversationCounts();
        this.ids = new SessionIds(ctx);
        NoveltyFilter novelty = NoveltyFilter.over(ctx.novelty(), (nearest, threshold) -> String.format(Locale.ROOT,
                "first user turn: ROUGE-L F1 %.3f > %.2f with %s", nearest.score(), threshold,
                nearest.mostSimilarId()));
        restore(novelty);
        ctx.stats().addSection("conversations", counts::snapshot);
        ConversationJob job = new ConversationJob(ctx, prompts, settings, novelty, counts);
        this.stage = Stage.of(SelfChatSettings.STAGE, Priorities.PROPOSE, (assignment, handOff) -> {
            boolean kept = false;
            try {
                kept = job.run(assignment);
            } finally {
                finished(kept);
            }
        });
        this.graph = StageGraph.builder().stage(stage).build();
    }

    private void restore(NoveltyFilter novelty) {
        for (Example e : ctx.restoredExamples()) {
            if (e.method() == MethodId.SELF_CHAT && e.isConversation()) {
                novelty.remember(e.id(), e.instruction());
                var conversation = e.provenance().conversation();
                counts.kept(conversation == null ? (e.messages().size() / 2) : conversation.userTurns(),
                        conversation == null ? "unknown" : conversation.stopReason());
                e.provenance().parents().forEach(p -> uses.merge(p, 1, Integer::sum));
            }
        }
        if (ctx.resumed()) {
            for (Rejection r : ctx.journal().restoredRejections()) {
                if (SelfChatSettings.STAGE.equals(r.stage())) {
                    counts.rejected();
                    r.parents().forEach(p -> uses.merge(p, 1, Integer::sum));
                }
            }
        }
    }

    private synchronized void finished(boolean kept) {
        inFlight--;
        fruitlessInARow = kept ? 0 : fruitlessInARow + 1;
    }

    @Override
    public StageGraph stages() {
        return graph;
    }

    @Override
    public JobSource source(StageGraph.Jobs jobs) {
        return new JobSource() {
            @Override
            public Job next() {
                synchronized (SelfChatRun.this) {
                    if (fruitlessInARow >= settings.maxFruitlessInARow()
                            || ctx.stats().accepted() + inFlight >= ctx.spec().target()) {
                        return null;
                    }
                    inFlight++;
                }
                Topic topic = nextTopic();
                return jobs.job(stage, new ConversationJob.Assignment(ids.next(), topic, sourceOf.apply(topic)));
            }

            @Override
            public boolean exhausted() {
                return ctx.targetReached();
            }

            @Override
            public String idleReason() {
                return fruitlessInARow >= settings.maxFruitlessInARow()
                        ? settings.maxFruitlessInARow() + " self-chat transcripts in a row gave no conversation (the "
                        + "teacher does not keep to the transcript format, or repeats itself; see rejected.jsonl)"
                        : "nothing in flight and nothing more to propose";
            }
        };
    }

    /** The least-used topic, in a seeded shuffled order (called under the engine lock, as ctx.random() wants). */
    private Topic nextTopic() {
        if (queue == null) {
            List<Topic> shuffled = new ArrayList<>(topics);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = ctx.random().nextInt(i + 1);
                Topic t = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, t);
            }
            shuffled.sort(Comparator.comparingInt(t -> uses.getOrDefault(t.id(), 0)));
            queue = new ArrayDeque<>(shuffled);
        }
        Topic topic = queue.pollFirst();
        queue.addLast(topic);
        return topic;
    }

    /** The card's note on the conversations, once the engine has stopped. */
    @Override
    public void close() {
        ctx.stats().note(counts.cardNote());
    }
}
