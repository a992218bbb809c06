package dev.instructgen.filter.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elimination rule 3 (WizardLM, section 3.3): the response consists only of punctuation and stop words, so it
 * carries no answer ("...", "It is.", "Yes, and so on."). An empty response falls under this rule as well.
 */
public final class StopwordsOnlyFilter implements Filter<String> {

    public static final RejectionReason REASON = RejectionReason.RESPONSE_STOPWORDS_ONLY;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private final StopWords stopWords;

    public StopwordsOnlyFilter(StopWords stopWords) {
        this.stopWords = stopWords;
    }

    public StopwordsOnlyFilter() {
        this(StopWords.english());
    }

    @Override
    public Verdict check(String response) {
        Matcher m = WORD.matcher(response);
        while (m.find()) {
            if (!stopWords.contains(m.group().toLowerCase(Locale.ROOT).replace('’', '\''))) {
                return Verdict.accept();
            }
        }
        return Verdict.reject(REASON, response.isBlank() ? "response is empty"
                : "response has only punctuation and stop words");
    }
}
