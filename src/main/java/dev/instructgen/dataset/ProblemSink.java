package dev.instructgen.dataset;

/** Where a scan reports what is wrong: the reader throws at the first, the validator collects them all. */
@FunctionalInterface
interface ProblemSink {

    /** @param line 1-based line, or 0 for the whole file */
    void report(int line, String message);
}
