package dev.instructgen.filter.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.WordCountFilter;

import java.util.regex.Pattern;

/**
 * Elimination rule 2 (WizardLM, section 3.3): the response contains "sorry" and is shorter than 80 words. A
 * short apology means the teacher declined or could not answer the evolved instruction; a long answer that says
 * "sorry" in passing is kept, as in the paper.
 */
public final class ApologyFilter implements Filter<String> {

    public static final RejectionReason REASON = RejectionReason.RESPONSE_APOLOGY;
    public static final int MAX_WORDS = 80;

    private static final Pattern SORRY = Pattern.compile("sorry", Pattern.CASE_INSENSITIVE);

    @Override
    public Verdict check(String response) {
        if (!SORRY.matcher(response).find()) {
            return Verdict.accept();
        }
        int words = WordCountFilter.countWords(response);
        if (words < MAX_WORDS) {
            return Verdict.reject(REASON, "response says \"sorry\" in " + words + " words (< " + MAX_WORDS + ")");
        }
        return Verdict.accept();
    }
}
