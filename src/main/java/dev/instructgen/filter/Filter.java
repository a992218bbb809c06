package dev.instructgen.filter;

import java.util.List;
import java.util.function.Function;

/**
 * A check on one candidate (an instruction, a rewrite, an answer...). Implementations return a {@link Verdict} and
 * never throw; {@link #chain} runs several in order and stops at the first rejection, cheapest first by
 * convention. Each method assembles its chains in one place ({@code SelfInstructFilters}, {@code EvolFilters}).
 *
 * <p>A filter may be backed by the teacher, as an LLM judge is: {@link #check} runs on the worker thread of the job
 * that calls it, and a blocking teacher call there is how every stage of the engine talks to the teacher (through
 * the retrying, rate-limited stack). Such a judge joins a chain like any other filter. When its call should be
 * scheduled on its own, with its own priority and request counts, it becomes a stage instead: the stage's job makes
 * the call and turns the answer into a verdict, as Evol-Instruct's equality judge does
 * ({@code NoInformationGainCheck.judged}).
 *
 * @param <T> what the filter looks at
 */
@FunctionalInterface
public interface Filter<T> {

    Verdict check(T candidate);

    /** This filter applied to one part of a larger candidate, so it can join that candidate's chain. */
    default <S> Filter<S> on(Function<? super S, ? extends T> part) {
        return candidate -> check(part.apply(candidate));
    }

    /** The filters in order: the first rejection, or acceptance when every filter accepts. */
    @SafeVarargs
    static <T> Filter<T> chain(Filter<? super T>... filters) {
        return new FilterChain<T>(List.<Filter<? super T>>of(filters));
    }

    /** A filter that accepts everything (a chain with nothing in it). */
    static <T> Filter<T> acceptAll() {
        return candidate -> Verdict.accept();
    }
}
