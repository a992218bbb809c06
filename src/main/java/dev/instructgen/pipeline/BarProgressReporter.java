package dev.instructgen.pipeline;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A terminal progress line redrawn in place: accepted/target, a bar, the run's clock and the figures that fit the
 * terminal's width ({@link ProgressLine#fitted}), so it never wraps and scrolls fragments at 80 columns nor leaves
 * tokens and cost out at 200.
 *
 * <p>The width is measured without a terminal library: an earlier version let progressbar open a JLine terminal,
 * which on a real terminal installed its own Ctrl-C handler over ours and killed the process instead of stopping
 * the run cleanly. COLUMNS when the shell exports it, else {@code stty size} on the controlling terminal, re-read
 * every few seconds so a resized window is followed.
 */
public final class BarProgressReporter implements ProgressReporter {

    static final int FALLBACK_WIDTH = 80;
    private static final int REMEASURE_EVERY = 5;

    private final PrintWriter err;
    private final IntSupplier width;
    private int drawnLength;
    private int draws;
    private int currentWidth;

    public BarProgressReporter(PrintWriter err) {
        this(err, BarProgressReporter::terminalWidth);
    }

    /** @param width the terminal's columns, asked again every few updates */
    public BarProgressReporter(PrintWriter err, IntSupplier width) {
        this.err = err;
        this.width = width;
    }

    @Override
    public synchronized void update(ProgressView view) {
        if (draws++ % REMEASURE_EVERY == 0) {
            currentWidth = width.getAsInt();
        }
        String line = ProgressLine.fitted(view, currentWidth);
        // pad over what the previous, longer line left on screen
        String pad = " ".repeat(Math.max(0, Math.min(drawnLength, currentWidth - 1) - line.length()));
        err.print('\r' + line + pad);
        err.flush();
        drawnLength = line.length();
    }

    @Override
    public synchronized void finish(ProgressView view) {
        if (draws > 0) {
            err.print('\r' + " ".repeat(Math.max(0, Math.min(drawnLength, currentWidth - 1))) + '\r');
        }
        err.println(view.stats().status() + ": " + ProgressLine.summary(view));
        err.flush();
    }

    /** COLUMNS, else the controlling terminal's width by {@code stty size}, else 80. */
    static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectErrorStream(true).start();
            if (!stty.waitFor(500, TimeUnit.MILLISECONDS)) {
                stty.destroyForcibly();
                return FALLBACK_WIDTH;
            }
            String[] rowsColumns = new String(stty.getInputStream().readAllBytes()).trim().split("\\s+");
            if (rowsColumns.length == 2 && rowsColumns[1].matches("\\d{2,4}")) {
                return Integer.parseInt(rowsColumns[1]);
            }
        } catch (java.io.IOException e) {
            // no sh or no terminal: fall back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return FALLBACK_WIDTH;
    }
}
