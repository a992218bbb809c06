package dev.instructgen.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the shipped Self-Instruct prompts with synthetic but well-formed replies: a continued numbered list of
 * novel instructions, a Yes/No classification answer, and instances in the input-first or output-first layout.
 * It recognises each stage by a phrase of its template, so it breaks loudly (no replies parse) if a template
 * changes shape. Deterministic for a given seed and request order.
 */
public final class SyntheticSelfInstructTeacher implements Function<String, String> {

    private static final Pattern NEXT_NUMBER = Pattern.compile("(\\d+)\\.\\s*$");

    private final long seed;
    private final int instructionsPerList;
    private final double repeatFraction;
    private final AtomicLong calls = new AtomicLong();
    private final List<String> proposed = new CopyOnWriteArrayList<>();

    public SyntheticSelfInstructTeacher(long seed, int instructionsPerList) {
        this(seed, instructionsPerList, 0.0);
    }

    /**
     * @param repeatFraction share of list items that repeat an instruction this fake proposed before (possibly
     *                       to an earlier process of the same run), which the novelty filter must reject
     */
    public SyntheticSelfInstructTeacher(long seed, int instructionsPerList, double repeatFraction) {
        this.seed = seed;
        this.instructionsPerList = instructionsPerList;
        this.repeatFraction = repeatFraction;
    }

    @Override
    public String apply(String prompt) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + calls.incrementAndGet());
        if (prompt.contains("Continue the numbered list")) {
            return instructionList(prompt, random);
        }
        if (prompt.stripTrailing().endsWith("Classification:")) {
            return random.nextInt(5) == 0 ? "Yes" : "No";
        }
        if (prompt.contains("Class label:")) {
            return "Class label: " + PseudoText.word(random) + "\nInput: " + PseudoText.sentence(random, 9);
        }
        return "Example 1\nInput: " + PseudoText.sentence(random, 7) + "\nOutput: " + PseudoText.sentence(random, 12);
    }

    private String instructionList(String prompt, SplittableRandom random) {
        Matcher m = NEXT_NUMBER.matcher(prompt);
        int next = m.find() ? Integer.parseInt(m.group(1)) : 9;
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < instructionsPerList; i++) {
            if (i > 0) {
                reply.append('\n').append(next + i).append(". ");
            }
            String instruction;
            if (!proposed.isEmpty() && random.nextDouble() < repeatFraction) {
                instruction = proposed.get(random.nextInt(proposed.size()));
            } else {
                instruction = PseudoText.instruction(random, 8 + random.nextInt(6));
                proposed.add(instruction);
            }
            reply.append(instruction);
        }
        return reply.toString();
    }
}
