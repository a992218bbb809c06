package dev.instructgen.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A judge for {@link FakeTeacherServer}: the verdict depends only on the judged example (so a retry gets the same
 * answer), in the shapes local models give: bare JSON, JSON in a code fence after prose, a reasoning block then
 * "Score: 5/5", and an unreadable refusal. One example in ten is unreadable, three in ten score 3 (below 4.5).
 * Counts requests per distinct prompt, so a test can tell whether an example was judged again.
 */
public final class FakeJudge implements Function<String, String> {

    public static final String RUBRIC_MARK = "Rate the response for accuracy and helpfulness";

    private final Map<String, AtomicLong> perPrompt = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    @Override
    public String apply(String prompt) {
        requests.incrementAndGet();
        perPrompt.computeIfAbsent(prompt, p -> new AtomicLong()).incrementAndGet();
        return verdict(prompt);
    }

    /** The verdict for a judge prompt, by the example it shows. */
    public static String verdict(String prompt) {
        int bucket = Math.floorMod(prompt.hashCode(), 10);
        if (bucket == 0) {
            return "I am not able to rate this one.";
        }
        if (bucket <= 3) {
            return "Here is my assessment.\n```json\n{\"score\": 3, \"rationale\": \"partly wrong\"}\n```";
        }
        if (bucket <= 5) {
            return "<think>The answer looks right.</think>\nScore: 5/5\nRationale: correct and complete";
        }
        return "{\"score\": 4.5, \"rationale\": \"helpful\"}";
    }

    public long requests() {
        return requests.get();
    }

    /** How many prompts were sent more than {@code times} times. */
    public long promptsJudgedMoreThan(int times) {
        return perPrompt.values().stream().filter(n -> n.get() > times).count();
    }
}
