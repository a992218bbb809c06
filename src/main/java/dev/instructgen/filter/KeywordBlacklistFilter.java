package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rejects instructions that mention things a text-only model cannot see or produce (images, files, maps, going
 * somewhere...). Self-Instruct's reference code matches each word with {@code \b(word)\b} and
 * {@code re.IGNORECASE}, so "images" is caught but "imagine" is not; Python 3 regexes on str are Unicode-aware,
 * hence the Unicode flags here.
 */
public final class KeywordBlacklistFilter implements Filter<String> {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private final List<String> words;
    private final List<Pattern> patterns;

    public KeywordBlacklistFilter(List<String> words) {
        this.words = List.copyOf(words);
        this.patterns = this.words.stream()
                .map(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b", FLAGS))
                .toList();
    }

    @Override
    public Verdict check(String instruction) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(instruction).find()) {
                return Verdict.reject(RejectionReason.BLACKLISTED_KEYWORD, "contains the blacklisted keyword '" + words.get(i)
                        + "' (a text-only model cannot act on it)");
            }
        }
        return Verdict.accept();
    }
}
