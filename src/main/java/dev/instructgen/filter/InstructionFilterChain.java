package dev.instructgen.filter;

import java.util.List;

/** Runs filters in order and returns the first rejection, or acceptance when every filter accepts. */
public record InstructionFilterChain(List<InstructionFilter> filters) implements InstructionFilter {

    public InstructionFilterChain {
        filters = List.copyOf(filters);
    }

    @Override
    public Verdict check(String instruction) {
        for (InstructionFilter filter : filters) {
            Verdict verdict = filter.check(instruction);
            if (verdict.rejected()) {
                return verdict;
            }
        }
        return Verdict.accept();
    }
}
