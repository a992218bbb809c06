package dev.instructgen.testing;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the shipped Evol-Instruct prompts synthetically: an in-depth rewrite is the given instruction plus
 * 10 to 20 new words, an in-breadth one a new pseudo-instruction, the equality judge says "Not Equal", and a
 * response is a pseudo-paragraph. A share of the replies fail on purpose (an unchanged rewrite, a leaked
 * "#Rewritten Prompt#" label, a short apology) so that elimination has work to do. Recognises each stage by a
 * phrase of its template.
 */
public final class SyntheticEvolTeacher implements Function<String, String> {

    private static final Pattern GIVEN = Pattern.compile("<<<\\n(.*?)\\n>>>", Pattern.DOTALL);

    private final long seed;
    private final double failureShare;
    private final AtomicLong calls = new AtomicLong();

    public SyntheticEvolTeacher(long seed, double failureShare) {
        this.seed = seed;
        this.failureShare = failureShare;
    }

    @Override
    public String apply(String prompt) {
        SplittableRandom random = new SplittableRandom(seed * 7_919L + calls.incrementAndGet());
        boolean fail = random.nextDouble() < failureShare;
        if (prompt.contains("decide whether they are equivalent")) {
            return fail ? "Equal" : "Not Equal";
        }
        if (prompt.contains("Rewrite it into a harder version")) {
            String given = given(prompt);
            if (fail) {
                return random.nextBoolean() ? given : "#Rewritten Prompt#: " + given + " " + PseudoText.sentence(random, 12);
            }
            return given + " " + PseudoText.sentence(random, 10 + random.nextInt(11));
        }
        if (prompt.contains("invent a brand-new request")) {
            return PseudoText.instruction(random, 10 + random.nextInt(8));
        }
        if (fail) {
            return "Sorry, I cannot help with that.";
        }
        return PseudoText.sentence(random, 40 + random.nextInt(40));
    }

    private static String given(String prompt) {
        Matcher m = GIVEN.matcher(prompt);
        return m.find() ? m.group(1).strip() : "Describe something.";
    }
}
