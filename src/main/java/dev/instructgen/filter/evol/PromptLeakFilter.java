package dev.instructgen.filter.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elimination rule 4 (WizardLM, section 3.3): the evolved instruction copies words of the evolving prompt, such
 * as "given prompt", "rewritten prompt" or "#Rewritten Prompt#". Such text talks about the rewriting task rather
 * than being a task itself. Matching ignores case and collapses runs of spaces, hashes, underscores and
 * asterisks, so "#The_Given   Prompt#" is caught too. Phrases match as whole words: "the given instructions" or
 * "write a new prompt for an image model" are ordinary requests, while "the given instruction" and "the new
 * prompt" refer to the prompt being rewritten. Any {@code #...#} marker naming a prompt or an instruction is a
 * leak of the paper's template format. A leading announcement or label is stripped before this check (see
 * {@code EvolvedInstruction}); a phrase anywhere else eliminates.
 */
public final class PromptLeakFilter implements Filter<String> {

    private static final Pattern LEAK_SEPARATORS = Pattern.compile("[\\s#_*]+");
    private static final Pattern MARKER = Pattern.compile(
            "#\\s*(?:the\\s+)?(?:given|rewritten|created|new|original|evolved)[\\s_]+(?:prompt|instruction)\\s*#",
            Pattern.CASE_INSENSITIVE);

    public static final RejectionReason REASON = RejectionReason.PROMPT_LEAK;

    /** Phrases of our own and the paper's evolving prompts that never belong in a real instruction. */
    static final List<String> PHRASES = List.of(
            "given prompt", "rewritten prompt", "created prompt", "the new prompt", "original prompt",
            "evolved prompt", "rewritten instruction", "given instruction", "original instruction",
            "instruction to rewrite", "new version:");

    private static final List<Pattern> WHOLE_WORDS = PHRASES.stream()
            .map(p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p)
                    + (p.endsWith(":") ? "" : "(?![\\p{L}\\p{N}])")))
            .toList();

    @Override
    public Verdict check(String instruction) {
        Matcher marker = MARKER.matcher(instruction);
        if (marker.find()) {
            return Verdict.reject(REASON, "instruction copies \"" + marker.group() + "\" from the evolving prompt");
        }
        String t = " " + LEAK_SEPARATORS.matcher(instruction.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        for (int i = 0; i < PHRASES.size(); i++) {
            if (WHOLE_WORDS.get(i).matcher(t).find()) {
                return Verdict.reject(REASON, "instruction copies \"" + PHRASES.get(i) + "\" from the evolving prompt");
            }
        }
        return Verdict.accept();
    }
}
