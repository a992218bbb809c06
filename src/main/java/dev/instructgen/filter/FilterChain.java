package dev.instructgen.filter;

import java.util.List;

/** Runs filters in order and returns the first rejection, or acceptance when every filter accepts. */
public record FilterChain<T>(List<Filter<? super T>> filters) implements Filter<T> {

    public FilterChain {
        filters = List.copyOf(filters);
    }

    @Override
    public Verdict check(T candidate) {
        for (Filter<? super T> filter : filters) {
            Verdict verdict = filter.check(candidate);
            if (verdict.rejected()) {
                return verdict;
            }
        }
        return Verdict.accept();
    }
}
