package dev.instructgen.pipeline;

import sun.misc.Signal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and SIGTERM for a long run (the only class touching {@code sun.misc.Signal}). The first signal asks the
 * run to stop: no new requests, in-flight ones may finish, everything complete is written, exit 3. A second
 * signal means the user will not wait: the process halts at once. Journals append whole lines and resume repairs
 * a torn last line, so even a halt loses only the examples still in flight.
 */
public final class InterruptHandler implements AutoCloseable {

    /**
     * A signal that arrived before any run's handler was installed (JVM start, reading seeds, checking the
     * teacher). Process-wide because signals are: the run that starts next stops at once, before any request.
     */
    private static final AtomicBoolean EARLY_SIGNAL = new AtomicBoolean();

    private final List<Installed> installed = new ArrayList<>();
    private final AtomicInteger signals = new AtomicInteger();

    private record Installed(Signal signal, sun.misc.SignalHandler previous) {
    }

    /**
     * Installs handlers for INT and TERM. {@code onFirst} is called once on the first signal; the second halts
     * the process with {@code haltStatus}.
     */
    public static InterruptHandler install(Runnable onFirst, int haltStatus) {
        InterruptHandler handler = new InterruptHandler();
        if (EARLY_SIGNAL.get()) {
            handler.signals.incrementAndGet();
            onFirst.run();
        }
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                var previous = Signal.handle(signal, s -> handler.onSignal(onFirst, haltStatus));
                handler.installed.add(new Installed(signal, previous));
            } catch (IllegalArgumentException unsupported) {
                // the platform lacks this signal or the JVM reserves it (-Xrs): keep the default behaviour
            }
        }
        return handler;
    }

    /**
     * For the entry point, before anything else: until a run installs its own handler, a first Ctrl-C or SIGTERM
     * says so on {@code err} and makes the coming run stop before its first request (exit 3, resumable); a
     * second one halts with the shell's usual status (130 for INT, 143 for TERM). Without this the JVM's default
     * would end the process silently.
     */
    public static void installEarly(PrintStream err) {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                Signal.handle(signal, s -> {
                    if (EARLY_SIGNAL.compareAndSet(false, true)) {
                        err.println("interrupted: stopping before the first request (press Ctrl-C again to quit "
                                + "at once)");
                        err.flush();
                    } else {
                        err.println("interrupted again: quitting");
                        err.flush();
                        Runtime.getRuntime().halt(128 + s.getNumber());
                    }
                });
            } catch (IllegalArgumentException unsupported) {
                // the platform lacks this signal or the JVM reserves it (-Xrs): keep the default behaviour
            }
        }
    }

    private void onSignal(Runnable onFirst, int haltStatus) {
        if (signals.incrementAndGet() == 1) {
            onFirst.run();
        } else {
            Runtime.getRuntime().halt(haltStatus);
        }
    }

    /** Whether a stop was requested by a signal. */
    public boolean interrupted() {
        return signals.get() > 0;
    }

    /** Restores the previous handlers, so a finished run leaves the JVM as it found it. */
    @Override
    public void close() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
        installed.clear();
    }
}
