package dev.instructgen.method.evol;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an Evol-Instruct run does, validated once.
 *
 * @param rounds         M, rounds of evolution (the paper uses 4)
 * @param weights        operation weights (uniform in the paper)
 * @param randomSeed     seed of the operation draws
 * @param evolve         sampling of the rewrite requests
 * @param respond        sampling of the answers to evolved instructions
 * @param equalityJudge  whether the teacher judges Equal / Not Equal (elimination rule 1)
 * @param rougeThreshold optional novelty threshold across the evolved set; null turns it off
 * @param target         optional cap on accepted examples; null for none
 * @param keepOriginals  write the input instructions as {@code method: seed} examples too
 * @param judge          sampling of the equality judge ({@link #JUDGE} unless the config's {@code sampling.judge}
 *                       says otherwise, e.g. more tokens for a model that reasons before its verdict)
 */
public record EvolSettings(int rounds, OperationWeights weights, long randomSeed, Sampling evolve, Sampling respond,
                           boolean equalityJudge, Double rougeThreshold, Integer target, boolean keepOriginals,
                           Sampling judge) {

    /** The public WizardLM code samples rewrites and answers with temperature 1 and top_p 0.95. */
    public static final double DEFAULT_TEMPERATURE = 1.0;
    public static final double DEFAULT_TOP_P = 0.95;
    public static final int DEFAULT_MAX_TOKENS = 2048;
    /**
     * The judge answers one of two short phrases; greedy decoding and a few tokens are enough for a model that
     * answers at once ("The two requests are not equal." is 7; the structured {"verdict":"Not Equal"} about as
     * many). A model that reasons first gets more room from the teacher stack ({@code --reasoning on|auto}), or
     * the thinking switched off ({@code --reasoning off}).
     */
    public static final Sampling JUDGE = new Sampling(0.0, null, 8, null, List.of());
    /** Stage names of the config file's sampling section: the rewrites and the answers. */
    public static final String STAGE_EVOLVE = "evolve";
    public static final String STAGE_RESPONSE = "response";
    public static final String STAGE_JUDGE = "judge";

    /** The settings with the judge's default sampling. */
    public EvolSettings(int rounds, OperationWeights weights, long randomSeed, Sampling evolve, Sampling respond,
                        boolean equalityJudge, Double rougeThreshold, Integer target, boolean keepOriginals) {
        this(rounds, weights, randomSeed, evolve, respond, equalityJudge, rougeThreshold, target, keepOriginals,
                JUDGE);
    }

    public EvolSettings {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(evolve, "evolve");
        Objects.requireNonNull(respond, "respond");
        if (rounds < 1) {
            throw new BadInputException("--rounds must be at least 1, was " + rounds);
        }
        if (rougeThreshold != null && (rougeThreshold <= 0 || rougeThreshold > 1)) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        if (target != null && target < 1) {
            throw new BadInputException("--target must be at least 1, was " + target);
        }
    }

    /** The sampling of rewrites and answers from --temperature, --top-p and --max-output-tokens. */
    public static Sampling sampling(double temperature, double topP, int maxTokens) {
        try {
            return new Sampling(temperature, topP, maxTokens, null, List.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--temperature / --top-p / --max-output-tokens: " + e.getMessage());
        }
    }

    public boolean noveltyFilter() {
        return rougeThreshold != null;
    }

    /** What defines the run's method, for the manifest; a rerun with other values refuses to resume. */
    public Map<String, Object> manifestSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rounds", rounds);
        m.put("operation_weights", weights.toString());
        m.put("equality_judge", equalityJudge);
        m.put("keep_originals", keepOriginals);
        m.put("rouge_threshold", rougeThreshold == null ? "off" : rougeThreshold);
        Map<String, String> sampling = new LinkedHashMap<>();
        samplingByStage().forEach((stage, s) -> sampling.put(stage, describe(s)));
        if (judge.equals(JUDGE)) {
            // the judge's default is left out, so run directories from before it was configurable still resume
            sampling.remove(STAGE_JUDGE);
        }
        m.put("sampling", sampling);
        return m;
    }

    /** Sampling per stage, by the names a config file's {@code sampling:} section uses. */
    public Map<String, Sampling> samplingByStage() {
        Map<String, Sampling> m = new LinkedHashMap<>();
        m.put(STAGE_EVOLVE, evolve);
        m.put(STAGE_RESPONSE, respond);
        m.put(STAGE_JUDGE, judge);
        return m;
    }

    /** The same settings with the sampling of {@link #samplingByStage} replaced (a config file's section). */
    public EvolSettings withSampling(Map<String, Sampling> byStage) {
        return new EvolSettings(rounds, weights, randomSeed, byStage.get(STAGE_EVOLVE), byStage.get(STAGE_RESPONSE),
                equalityJudge, rougeThreshold, target, keepOriginals, byStage.getOrDefault(STAGE_JUDGE, judge));
    }

    private static String describe(Sampling s) {
        return "temperature " + s.temperature() + ", top_p " + s.topP() + ", max_tokens " + s.maxTokens();
    }

    /** The same, worded for DATASET_CARD.md. */
    public Map<String, String> displaySettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rounds", String.valueOf(rounds));
        m.put("operation weights", weights.toString());
        m.put("equality judge", equalityJudge ? "on" : "off");
        m.put("keep originals", String.valueOf(keepOriginals));
        m.put("ROUGE-L threshold", rougeThreshold == null ? "off" : String.valueOf(rougeThreshold));
        m.put("sampling", "rewrites: " + describe(evolve) + "; answers: " + describe(respond)
                + (equalityJudge && !judge.equals(JUDGE) ? "; judge: " + describe(judge) : ""));
        m.put("random seed", String.valueOf(randomSeed));
        return m;
    }
}
