package dev.instructgen.cli;

import dev.instructgen.dataset.DatasetProblem;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prints problems as they come, but a message that repeats (a file in an unsupported format has the same problem
 * on every line) only {@link #SHOWN} times; the rest become one line at the end naming how many and which lines.
 */
final class RepeatedProblemPrinter implements Consumer<DatasetProblem> {

    /** Enough to see the pattern and jump to the first lines; more is noise. */
    static final int SHOWN = 3;

    /** Distinct messages remembered; past this, problems print without grouping (bounded memory). */
    private static final int TRACKED = 10_000;

    private static final class Repeats {
        int seen;
        int hidden;
        int firstHidden;
        int lastHidden;
    }

    private final PrintWriter out;
    private final Map<String, Repeats> byMessage = new LinkedHashMap<>();

    RepeatedProblemPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(DatasetProblem problem) {
        Repeats repeats = byMessage.get(problem.message());
        if (repeats == null && byMessage.size() < TRACKED) {
            repeats = new Repeats();
            byMessage.put(problem.message(), repeats);
        }
        if (repeats != null && ++repeats.seen > SHOWN) {
            if (repeats.hidden++ == 0) {
                repeats.firstHidden = problem.line();
            }
            repeats.lastHidden = problem.line();
            return;
        }
        out.println(problem);
    }

    /** The grouped repeats, one line per message: "file: 472 more lines (4 to 475) with: message". */
    void finish(Path file) {
        byMessage.forEach((message, r) -> {
            if (r.hidden > 0) {
                String lines = r.hidden == 1 ? "1 more line (" + r.firstHidden + ")"
                        : r.hidden + " more lines (" + r.firstHidden + " to " + r.lastHidden + ")";
                out.println(file + ": " + lines + " with the same problem: " + message);
            }
        });
    }
}
