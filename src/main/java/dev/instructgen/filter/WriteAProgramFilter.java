package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;

import java.util.Locale;

/**
 * Rejects instructions starting with "Write a program". Self-Instruct's authors found the model prepends it to
 * many instructions, flooding the pool and leaving unclear whether the answer is the program or its result
 * (comment in bootstrap_instructions.py). The reference compares case-sensitively; we ignore case, since
 * "write a program" is the same flood.
 */
public final class WriteAProgramFilter implements Filter<String> {

    private static final String PREFIX = "write a program";

    @Override
    public Verdict check(String instruction) {
        if (instruction.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Verdict.reject(RejectionReason.STARTS_WITH_WRITE_A_PROGRAM, "starts with \"Write a program\"");
        }
        return Verdict.accept();
    }
}
