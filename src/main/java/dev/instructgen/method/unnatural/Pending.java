package dev.instructgen.method.unnatural;

/**
 * Examples the work under way may still add, so the run proposes only what the target needs. A core request
 * counts for its example and its paraphrases until it fails or is written; each stage releases what it did not
 * write. Thread-safe.
 */
final class Pending {

    private final int perCore;
    private long expected;
    private int fruitlessInARow;

    Pending(int paraphrases) {
        this.perCore = 1 + paraphrases;
    }

    synchronized void coreStarted() {
        expected += perCore;
    }

    /** A core request ended; {@code passed} when its instruction went on to output generation. */
    synchronized void coreFinished(boolean passed) {
        fruitlessInARow = passed ? 0 : fruitlessInARow + 1;
        if (!passed) {
            expected -= perCore;
        }
    }

    /** Output generation ended; {@code written} when the core example was accepted. */
    synchronized void outputFinished(boolean written, boolean paraphrasing) {
        expected -= written && paraphrasing ? 1 : perCore;
    }

    synchronized void paraphrasesFinished() {
        expected -= perCore - 1;
    }

    synchronized long expected() {
        return expected;
    }

    synchronized int fruitlessInARow() {
        return fruitlessInARow;
    }
}
