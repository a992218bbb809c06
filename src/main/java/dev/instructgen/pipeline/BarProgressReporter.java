package dev.instructgen.pipeline;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/**
 * A terminal progress bar of accepted/target; the extra message carries rate, ETA, yield, in flight, retries,
 * tokens and cost. Created lazily on the first update so nothing is drawn for runs that fail at once.
 */
public final class BarProgressReporter implements ProgressReporter {

    private final PrintWriter err;
    private ProgressBar bar;

    public BarProgressReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(ProgressView view) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("accepted")
                    .setInitialMax(view.stats().target())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(1000)
                    .hideEta()
                    .setConsumer(new DelegatingProgressBarConsumer(this::draw, width()))
                    .build();
        }
        bar.stepTo(view.stats().accepted());
        bar.setExtraMessage(ProgressLine.details(view));
    }

    @Override
    public synchronized void finish(ProgressView view) {
        if (bar != null) {
            update(view);
            bar.close();
            bar = null;
            err.println(); // the bar redraws its line with a carriage return; end that line first
        }
        err.println(view.stats().status() + ": " + ProgressLine.summary(view));
        err.flush();
    }

    /**
     * The bar's width, given explicitly: asked for none, progressbar opens a JLine terminal to measure it, and
     * on a real terminal JLine then installs its own Ctrl-C handler over ours, so Ctrl-C killed the process
     * instead of stopping the run cleanly. COLUMNS when the shell exports it, else a width most terminals fit.
     */
    static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        return 120;
    }

    private void draw(String rendered) {
        err.print('\r' + rendered);
        err.flush();
    }
}
