package dev.instructgen.method.alpaca;

/**
 * What the calls in flight are expected to add, so the run proposes only as many batches as the target needs:
 * until a call has finished a batch is assumed to keep half of what it asks for (a guess stated in the docs);
 * then the session's observed mean. Thread-safe.
 */
final class Yield {

    private final double initialGuess;
    private int inFlight;
    private long finished;
    private long accepted;
    private int fruitlessInARow;

    Yield(int tasksPerRequest) {
        this.initialGuess = Math.max(1.0, tasksPerRequest / 2.0);
    }

    synchronized void callStarted() {
        inFlight++;
    }

    synchronized void callFinished(int acceptedByCall) {
        inFlight--;
        finished++;
        accepted += acceptedByCall;
        fruitlessInARow = acceptedByCall > 0 ? 0 : fruitlessInARow + 1;
    }

    /** Examples the calls in flight are expected to add. */
    synchronized double expectedInFlight() {
        double perCall = finished == 0 ? initialGuess : Math.max(0.5, (double) accepted / finished);
        return inFlight * perCall;
    }

    synchronized int fruitlessInARow() {
        return fruitlessInARow;
    }
}
