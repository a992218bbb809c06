package dev.instructgen.method.selfinstruct;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TokenUsage;

import java.util.Locale;
import java.util.Map;

/**
 * What a Self-Instruct run to {@code --target} is expected to cost, from the prompt sizes and stated yield
 * assumptions, before any request is sent ({@code --dry-run}). Tokens are estimated at 4 characters each.
 *
 * <p>Assumptions (printed with the estimate): a generation call yields 7 candidates (Self-Instruct stops before
 * item 16 of a list that shows 8) of which half pass the filters, a pessimistic figure once the pool grows;
 * 90% of instances pass the instance filters; completions average 25 tokens per listed instruction, 2 for a
 * yes/no and 80 per instance.
 */
public record DryRunEstimate(long target, long tasks, long generationCalls, long classificationCalls,
                             long instanceCalls, TokenUsage tokens, double costUsd) {

    static final double CANDIDATES_PER_GENERATION = 7;
    static final double INSTRUCTION_YIELD = 0.5;
    static final double INSTANCE_YIELD = 0.9;
    static final int CHARS_PER_TOKEN = 4;

    /**
     * @param promptChars characters of one prompt per stage (SelfInstructPrompts.sizes)
     */
    public static DryRunEstimate of(long target, int instancesPerTask, Map<String, Integer> promptChars,
                                    CostModel cost) {
        long tasks = ceil(target / (instancesPerTask * INSTANCE_YIELD));
        long generations = ceil(tasks / (CANDIDATES_PER_GENERATION * INSTRUCTION_YIELD));
        long genPrompt = generations * promptChars.get(SelfInstructPrompts.STAGE_GENERATION) / CHARS_PER_TOKEN;
        long genCompletion = (long) (generations * CANDIDATES_PER_GENERATION * 25);
        long clsPrompt = tasks * promptChars.get(SelfInstructPrompts.STAGE_CLASSIFICATION) / CHARS_PER_TOKEN;
        long clsCompletion = tasks * 2;
        long instPrompt = tasks * promptChars.get(SelfInstructPrompts.STAGE_INSTANCES) / CHARS_PER_TOKEN;
        long instCompletion = tasks * 80L * instancesPerTask;
        TokenUsage total = new TokenUsage(genPrompt + clsPrompt + instPrompt,
                genCompletion + clsCompletion + instCompletion);
        return new DryRunEstimate(target, tasks, generations, tasks, tasks, total, cost.costUsd(total));
    }

    /** Rounds up, ignoring floating-point dust (900 / 0.9 must give 1000, not 1001). */
    private static long ceil(double x) {
        return (long) Math.ceil(x - 1e-9);
    }

    public long requests() {
        return generationCalls + classificationCalls + instanceCalls;
    }

    /** The lines --dry-run prints. */
    public String format(String model, boolean priced) {
        return String.format(Locale.ROOT, """
                dry run: self-instruct to %d examples with %s
                  tasks needed      ~%d (assuming 90%% of instances pass the filters)
                  requests          ~%d (instruction-generation %d, classification %d, instance-generation %d)
                  tokens            ~%d prompt + ~%d completion = ~%d
                  estimated cost    %s
                  assumptions: 7 candidates per generation call, half of them accepted; ~4 characters per token
                """, target, model, tasks, requests(), generationCalls, classificationCalls, instanceCalls,
                tokens.promptTokens(), tokens.completionTokens(), tokens.total(),
                priced ? String.format(Locale.ROOT, "$%.2f", costUsd) : "unknown (no price for this model)");
    }
}
