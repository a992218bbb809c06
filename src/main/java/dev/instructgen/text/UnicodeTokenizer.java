package dev.instructgen.text;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The default tokenizer: letters and digits of any script, lowercased; everything else separates tokens.
 *
 * <p>Why not rouge_score's tokenizer: it keeps only [a-z0-9], so a Chinese, Russian or Thai instruction has no
 * tokens, scores 0 against everything and always looks novel. Here:
 * <ul>
 *   <li>A token is a run of letters and digits ({@link Character#isLetterOrDigit(int)}) of any script; combining
 *       marks (Mn, Mc, Me: Devanagari vowel signs, Thai tone marks, accents in decomposed form) stay with the
 *       character they follow.</li>
 *   <li>Scripts written without spaces between words (Han, Hiragana, Katakana, Bopomofo, Thai, Lao, Khmer,
 *       Myanmar, Tibetan, Yi, ...) give one token per character, so that LCS over characters plays the role LCS
 *       over words plays in spaced text. A digit or Latin run next to them stays one token ("2023年" is
 *       "2023", "年").</li>
 *   <li>Non-ASCII text is NFKC-normalized first, so full-width "ＡＢＣ１" and "abc1" are the same tokens.</li>
 * </ul>
 * On ASCII-only text the result is identical to {@link RougeScoreTokenizer}: ASCII letters and digits are exactly
 * [A-Za-z0-9], lowercased, and NFKC leaves ASCII unchanged.
 */
public final class UnicodeTokenizer implements Tokenizer {

    private static final Set<UnicodeScript> UNSPACED = EnumSet.of(
            UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA, UnicodeScript.BOPOMOFO,
            UnicodeScript.THAI, UnicodeScript.LAO, UnicodeScript.KHMER, UnicodeScript.MYANMAR,
            UnicodeScript.TIBETAN, UnicodeScript.YI, UnicodeScript.TAI_LE, UnicodeScript.NEW_TAI_LUE,
            UnicodeScript.TAI_THAM, UnicodeScript.TAI_VIET, UnicodeScript.BALINESE, UnicodeScript.JAVANESE);

    /** ー, a letter used only inside Japanese words but assigned to no script (Common). */
    private static final int PROLONGED_SOUND_MARK = 0x30FC;

    @Override
    public List<String> tokenize(String text) {
        String normalized = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        // true while current holds one character of an unspaced script: only combining marks may join it
        boolean single = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                // ASCII: the rouge_score rule, without the Unicode table look-ups
                boolean kept = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
                if (kept) {
                    if (single) {
                        flush(current, tokens);
                        single = false;
                    }
                    current.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
                } else {
                    flush(current, tokens);
                    single = false;
                }
            } else if (isCombiningMark(cp)) {
                if (current.length() > 0) {
                    current.appendCodePoint(cp);
                }
            } else if (Character.isLetterOrDigit(cp)) {
                boolean unspaced = UNSPACED.contains(UnicodeScript.of(cp)) || cp == PROLONGED_SOUND_MARK;
                if (unspaced || single) {
                    flush(current, tokens);
                }
                current.appendCodePoint(Character.toLowerCase(cp));
                single = unspaced;
            } else {
                flush(current, tokens);
                single = false;
            }
        }
        flush(current, tokens);
        return tokens;
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
