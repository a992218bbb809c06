package dev.instructgen.filter.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.RougeL;
import dev.instructgen.text.Tokenizer;
import dev.instructgen.text.TokenizerKind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cheap half of elimination rule 1 (WizardLM, section 3.3: "the evolved instruction does not provide any
 * information gain compared to the original one"). Before paying for the teacher as judge we reject rewrites
 * that are textually the parent: equal after normalising case, spacing and punctuation, or with ROUGE-L F1 at or
 * above {@link #NEAR_IDENTICAL} while changing at most {@link #MAX_CHANGED_WORDS} words. Such a rewrite cannot
 * add a constraint, a step or a concrete detail.
 *
 * <p>The score alone is not enough: F1 grows with length, so a 100-word prompt plus the 10 to 20 words the
 * evolving prompt asks for (WizardLM, section 3.1) already scores 0.95. We therefore also count what changed,
 * the words of either text outside their longest common subsequence, and eliminate only when that is a word or
 * two, whatever the length.
 */
public final class NoInformationGainCheck implements Filter<Rewrite> {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static final RejectionReason REASON = RejectionReason.NO_INFORMATION_GAIN;
    /** F1 at which two instructions differ by at most a word or two on typical lengths. */
    public static final double NEAR_IDENTICAL = 0.95;
    /** Words added, dropped or replaced (counted on both sides) up to which a near-identical rewrite gains nothing. */
    public static final int MAX_CHANGED_WORDS = 2;

    private final Tokenizer tokenizer = Tokenizer.of(TokenizerKind.ROUGE_SCORE);

    @Override
    public Verdict check(Rewrite rewrite) {
        return check(rewrite.parent(), rewrite.child());
    }

    public Verdict check(String parent, String child) {
        if (normalise(parent).equals(normalise(child))) {
            return Verdict.reject(REASON, "identical to parent");
        }
        List<String> p = tokenizer.tokenize(parent);
        List<String> c = tokenizer.tokenize(child);
        int lcs = RougeL.lcsLength(p, c);
        double f1 = RougeL.f1(lcs, p.size(), c.size());
        int changed = (p.size() - lcs) + (c.size() - lcs);
        if (f1 >= NEAR_IDENTICAL && changed <= MAX_CHANGED_WORDS) {
            return Verdict.reject(REASON, String.format(Locale.ROOT,
                    "identical to parent (near-identical: ROUGE-L F1 %.3f >= %.2f)", f1, NEAR_IDENTICAL));
        }
        return Verdict.accept();
    }

    /** The judge's half of rule 1, as a verdict: an "Equal" answer eliminates. */
    public static Verdict judged(boolean equal) {
        return equal ? Verdict.reject(REASON, "judge: Equal") : Verdict.accept();
    }

    private static String normalise(String s) {
        return NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
