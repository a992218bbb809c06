package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.teacher.TokenUsage;

import java.util.List;
import java.util.Locale;

/**
 * What the answer pass adds to a Self-Instruct run's {@code --dry-run} estimate: one request per instance it
 * answers, priced by the answer model. Assumptions (printed): generated tasks are classification tasks in the
 * share the seeds are (Self-Instruct's own seeds: 25 of 175), 95% of answers are usable, and an answer averages 200 tokens;
 * 4 characters per token as in {@link DryRunEstimate}.
 */
record AnswerEstimate(String model, AnswerScope scope, double coveredShare, long requests, TokenUsage tokens,
                      double costUsd, boolean priced) {

    static final double ANSWER_YIELD = 0.95;
    static final int COMPLETION_TOKENS = 200;

    static AnswerEstimate of(long target, AnswerSetup answer, List<SeedTask> seeds) {
        long classification = seeds.stream().filter(SeedTask::isClassification).count();
        double covered = answer.scope() == AnswerScope.ALL || seeds.isEmpty() ? 1.0
                : 1.0 - (double) classification / seeds.size();
        long requests = (long) Math.ceil(target * covered / ANSWER_YIELD - 1e-9);
        double promptChars = seeds.stream().mapToInt(s -> answer.prompt(s.instruction(),
                s.instances().isEmpty() ? "" : s.instances().get(0).input()).length()).average().orElse(100);
        TokenUsage tokens = new TokenUsage((long) (requests * promptChars / DryRunEstimate.CHARS_PER_TOKEN),
                requests * COMPLETION_TOKENS);
        return new AnswerEstimate(answer.teacher().model(), answer.scope(), covered, requests, tokens,
                answer.cost().costUsd(tokens), answer.price().isKnown());
    }

    /** The lines --dry-run prints after the generation estimate. */
    String format() {
        return String.format(Locale.ROOT, """
                  answer pass       ~%d requests to %s (%s, %.0f%% of the seed tasks)
                                    ~%d prompt + ~%d completion tokens, cost %s
                  assumptions: 95%% of answers usable, ~%d tokens per answer
                """, requests, model, scope == AnswerScope.ALL ? "every instance" : "non-classification instances",
                100 * coveredShare, tokens.promptTokens(),
                tokens.completionTokens(), priced ? String.format(Locale.ROOT, "$%.2f", costUsd)
                        : "unknown (no price for this model)", COMPLETION_TOKENS);
    }
}
