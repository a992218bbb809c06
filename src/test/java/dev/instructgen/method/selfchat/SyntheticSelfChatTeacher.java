package dev.instructgen.method.selfchat;

import dev.instructgen.testing.PseudoText;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the shipped self-chat prompt the way chat models do: a reasoning block, a preamble, tags dressed in
 * bold or Baize's {@code [|Human|]} form, multi-line answers, an [End] line and a closing offer. Some transcripts
 * end early, about one in ten confuses the roles at its first turn (so it is rejected as no_exchange), and about
 * one in ten stops at a repeated turn. It recognises the prompt by its rules, so it breaks loudly when the
 * template changes shape. Deterministic per seed and call order.
 */
public final class SyntheticSelfChatTeacher implements Function<String, String> {

    private static final Pattern TURNS = Pattern.compile("after at most (\\d+) user turns");

    private final long seed;
    private final AtomicLong calls = new AtomicLong();

    public SyntheticSelfChatTeacher(long seed) {
        this.seed = seed;
    }

    @Override
    public String apply(String prompt) {
        Matcher m = TURNS.matcher(prompt);
        if (!m.find() || !prompt.contains("Write [End] on a line of its own")) {
            return "I do not understand the request.";
        }
        int turns = Integer.parseInt(m.group(1));
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + calls.incrementAndGet());
        StringBuilder reply = new StringBuilder();
        if (random.nextBoolean()) {
            reply.append("<think>The user wants a transcript. I will write ").append(turns)
                    .append(" exchanges.</think>\n");
        }
        reply.append("Sure! Here is the transcript:\n\n");
        int fault = random.nextInt(10);
        if (fault == 0) {
            return reply.append("[Assistant] Hello! How can I help you today?\n[User] Tell me more.\n").toString();
        }
        int written = random.nextInt(4) == 0 ? Math.max(1, turns - 1) : turns;
        String firstQuestion = null;
        for (int i = 1; i <= written; i++) {
            String question = PseudoText.instruction(random, 7 + random.nextInt(5));
            firstQuestion = firstQuestion == null ? question : firstQuestion;
            if (fault == 1 && i == 2) {
                question = firstQuestion; // the chat loops back: stops as repeated_turn after one exchange
            }
            reply.append(random.nextBoolean() ? "**[User]** " : "[|Human|] ").append(question).append('\n');
            reply.append(random.nextBoolean() ? "**[Assistant]** " : "[|AI|] ")
                    .append(PseudoText.sentence(random, 12)).append('\n')
                    .append(PseudoText.sentence(random, 9)).append("\n\n");
        }
        return reply.append("[End]\n\nLet me know if you would like me to continue the conversation!").toString();
    }
}
