package dev.instructgen.filter;

import java.util.Locale;

/**
 * Rejects instructions starting with "Write a program". Self-Instruct's authors found the model prepends it to
 * many instructions, flooding the pool and leaving unclear whether the answer is the program or its result
 * (comment in bootstrap_instructions.py). The reference compares case-sensitively; we ignore case, since
 * "write a program" is the same flood.
 */
public final class WriteAProgramFilter implements InstructionFilter {

    public static final String STARTS_WITH_WRITE_A_PROGRAM = "starts_with_write_a_program";

    private static final String PREFIX = "write a program";

    @Override
    public Verdict check(String instruction) {
        if (instruction.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Verdict.reject(STARTS_WITH_WRITE_A_PROGRAM, "starts with \"Write a program\"");
        }
        return Verdict.accept();
    }
}
