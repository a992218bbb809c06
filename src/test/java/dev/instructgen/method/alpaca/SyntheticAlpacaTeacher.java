package dev.instructgen.method.alpaca;

import dev.instructgen.testing.PseudoText;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the shipped Alpaca prompt with a batch of well-formed, chat-dressed triples (a preamble, bold labels,
 * a closing offer), some repeating earlier instructions so the novelty filter has work. It recognises the prompt
 * by its closing line, so it breaks loudly when the template changes shape. Deterministic per seed and call order.
 */
public final class SyntheticAlpacaTeacher implements Function<String, String> {

    private static final Pattern COUNT = Pattern.compile("write Task 1 to Task (\\d+)");

    private final long seed;
    private final double repeatFraction;
    private final AtomicLong calls = new AtomicLong();
    private final List<String> proposed = new CopyOnWriteArrayList<>();

    public SyntheticAlpacaTeacher(long seed, double repeatFraction) {
        this.seed = seed;
        this.repeatFraction = repeatFraction;
    }

    @Override
    public String apply(String prompt) {
        Matcher m = COUNT.matcher(prompt);
        if (!m.find()) {
            return "I do not understand the request.";
        }
        int count = Integer.parseInt(m.group(1));
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + calls.incrementAndGet());
        StringBuilder reply = new StringBuilder("Sure! Here are ").append(count).append(" tasks:\n\n");
        for (int i = 1; i <= count; i++) {
            String instruction;
            if (!proposed.isEmpty() && random.nextDouble() < repeatFraction) {
                instruction = proposed.get(random.nextInt(proposed.size()));
            } else {
                instruction = PseudoText.instruction(random, 8 + random.nextInt(6));
                proposed.add(instruction);
            }
            reply.append("### Task ").append(i).append('\n')
                    .append("**Instruction:** ").append(instruction).append('\n')
                    .append("**Input:** ").append(random.nextBoolean() ? "<noinput>" : PseudoText.sentence(random, 9))
                    .append('\n')
                    .append("**Output:** ").append(PseudoText.sentence(random, 14)).append("\n\n");
        }
        return reply.append("Let me know if you would like more tasks!").toString();
    }
}
