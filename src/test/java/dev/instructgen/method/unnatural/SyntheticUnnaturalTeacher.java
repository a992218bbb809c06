package dev.instructgen.method.unnatural;

import dev.instructgen.testing.PseudoText;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the three shipped Unnatural Instructions prompts: a fourth example with bold labels and a stray fifth
 * (some repeating an earlier instruction), a plain answer, and a numbered list of rewordings that resemble their
 * parent closely (the novelty filter must leave them alone). It recognises each prompt by a phrase of its
 * template, so it breaks loudly when a template changes shape. Deterministic per seed and call order.
 */
public final class SyntheticUnnaturalTeacher implements Function<String, String> {

    private static final Pattern REWORD = Pattern.compile("Instruction: (.+)\\R");
    private static final Pattern COUNT = Pattern.compile("numbered list of (\\d+) versions");

    private final long seed;
    private final double repeatFraction;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong coreCalls = new AtomicLong();
    private final List<String> proposed = new CopyOnWriteArrayList<>();

    public SyntheticUnnaturalTeacher(long seed, double repeatFraction) {
        this.seed = seed;
        this.repeatFraction = repeatFraction;
    }

    @Override
    public String apply(String prompt) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + calls.incrementAndGet());
        if (prompt.contains("Write one more task of the same kind")) {
            String instruction;
            // every third core request repeats an earlier instruction when asked to repeat at all, so a short run
            // sees repeats whatever the order of the requests in flight
            boolean repeat = repeatFraction > 0 && coreCalls.incrementAndGet() % 3 == 0
                    || random.nextDouble() < repeatFraction;
            if (!proposed.isEmpty() && repeat) {
                instruction = proposed.get(random.nextInt(proposed.size()));
            } else {
                instruction = PseudoText.instruction(random, 8 + random.nextInt(6));
                proposed.add(instruction);
            }
            return "**Instruction:** " + instruction + "\n**Input:** " + PseudoText.sentence(random, 10)
                    + "\n**Constraints:** The answer is one sentence.\n\nExample 5\nInstruction: Not this one.";
        }
        if (prompt.contains("Reword the instruction below")) {
            Matcher m = REWORD.matcher(prompt);
            Matcher c = COUNT.matcher(prompt);
            String parent = m.find() ? m.group(1).strip() : "Do the task.";
            int count = c.find() ? Integer.parseInt(c.group(1)) : 2;
            StringBuilder reply = new StringBuilder("Here are the rewordings:\n");
            String body = parent.substring(parent.indexOf(' ') + 1, parent.length() - 1);
            for (int i = 1; i <= count; i++) {
                reply.append(i).append(". ").append(i == 1 ? "Please " + body + "." : "Could you " + body + "?")
                        .append('\n');
            }
            return reply.toString();
        }
        if (prompt.stripTrailing().endsWith("Answer:")) {
            return PseudoText.sentence(random, 12);
        }
        return "I do not understand the request.";
    }
}
