package dev.instructgen.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An answer model for {@link FakeTeacherServer}: answers any prompt with {@code "ANSWER " + a digest of the
 * prompt}, dressed the way chat models dress answers (a reasoning block, "Sure! Here is the answer:", a closing
 * offer), one dressing in four plain. The answer depends only on the prompt, so a test can tell which instance it
 * answered and whether it was asked twice.
 */
public final class FakeAnswerModel implements Function<String, String> {

    public static final String MARK = "ANSWER ";

    private final AtomicLong requests = new AtomicLong();

    @Override
    public String apply(String prompt) {
        requests.incrementAndGet();
        String answer = answerTo(prompt);
        return switch (Math.floorMod(prompt.hashCode(), 4)) {
            case 0 -> answer;
            case 1 -> "<think>The user asks something simple; answer it directly.</think>\n" + answer;
            case 2 -> "Sure! Here is the answer:\n\n" + answer + "\n\nLet me know if you need anything else!";
            default -> "<think>Short.</think>\nCertainly.\n" + answer + "\nI hope this helps!";
        };
    }

    /** The clean answer to a prompt. */
    public static String answerTo(String prompt) {
        return MARK + Integer.toHexString(prompt.strip().hashCode()) + " is the answer to the task.";
    }

    public long requests() {
        return requests.get();
    }
}
