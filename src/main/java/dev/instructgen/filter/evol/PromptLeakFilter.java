package dev.instructgen.filter.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Elimination rule 4 (WizardLM, section 3.3): the evolved instruction copies words of the evolving prompt, such
 * as "given prompt", "rewritten prompt" or "#Rewritten Prompt#". Such text talks about the rewriting task rather
 * than being a task itself. Matching ignores case and collapses runs of spaces, hashes, underscores and
 * asterisks, so "#The_Given   Prompt#" is caught too. A lone leading label is stripped before this check (see
 * {@code EvolvedInstruction}); a phrase anywhere else eliminates.
 */
public final class PromptLeakFilter implements Filter<String> {

    private static final Pattern LEAK_SEPARATORS = Pattern.compile("[\\s#_*]+");

    public static final RejectionReason REASON = RejectionReason.PROMPT_LEAK;

    /** Phrases of our own and the paper's evolving prompts that never belong in a real instruction. */
    static final List<String> PHRASES = List.of(
            "given prompt", "rewritten prompt", "created prompt", "new prompt", "original prompt",
            "evolved prompt", "rewritten instruction", "given instruction", "original instruction",
            "instruction to rewrite", "new version:");

    @Override
    public Verdict check(String instruction) {
        String t = " " + LEAK_SEPARATORS.matcher(instruction.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        for (String phrase : PHRASES) {
            if (t.contains(phrase)) {
                return Verdict.reject(REASON, "instruction copies \"" + phrase + "\" from the evolving prompt");
            }
        }
        return Verdict.accept();
    }
}
