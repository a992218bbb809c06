package dev.instructgen.storage;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * run.log in the run directory: every line the console showed during the run (progress, warnings, the last
 * line), each with a UTC timestamp, appended across resumes. The console writers are wrapped with {@link #tee};
 * lines printed before the run directory is known are held back (up to {@value #HELD_LINES}) and written when
 * {@link #attach} names it, because a refused directory (locked by another process, another run's settings) must
 * not receive a log.
 *
 * <p>Never a secret: the value of every environment variable named like one (KEY, TOKEN, SECRET, PASSWORD) is
 * masked before a line is written. A progress bar's redraws (carriage returns, ANSI colours) are reduced to what
 * was left standing. Writing the log never fails a run: after the first I/O error it stops logging.
 */
public final class RunLog implements AutoCloseable {

    public static final String FILE = "run.log";

    private static final int HELD_LINES = 1000;
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    /** Shorter values (e.g. "1", "true") would mask ordinary words; real keys are far longer. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final Clock clock;
    private final List<String> secrets;
    private final Deque<String> held = new ArrayDeque<>();
    private OutputStream file;
    private boolean failed;
    private boolean closed;

    private RunLog(Clock clock, Collection<String> secrets) {
        this.clock = clock;
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_SECRET_LENGTH)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A log masking the given secret values. */
    public static RunLog create(Clock clock, Collection<String> secrets) {
        return new RunLog(clock, secrets);
    }

    /** A log masking the values of every variable in {@code environment} whose name looks like a secret's. */
    public static RunLog forEnvironment(Clock clock, Map<String, String> environment) {
        List<String> secrets = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                secrets.add(value);
            }
        });
        return new RunLog(clock, secrets);
    }

    /** A writer that prints to {@code console} and records every finished line here. */
    public PrintWriter tee(PrintWriter console) {
        return new PrintWriter(new Tee(console), true);
    }

    /**
     * Starts writing to {@code runDir}/run.log (appending), beginning with the lines held so far. Call once the run
     * directory is open and locked by this process.
     */
    public synchronized void attach(Path runDir) {
        if (file != null || closed) {
            return;
        }
        try {
            file = new FileOutputStream(runDir.resolve(FILE).toFile(), true);
        } catch (IOException e) {
            failed = true;
            return;
        }
        while (!held.isEmpty()) {
            write(held.removeFirst());
        }
    }

    /** Appends one line (e.g. a repair note that went to the logger rather than the console). */
    public synchronized void line(String text) {
        if (failed || closed) {
            return;
        }
        String stamped = clock.instant() + " " + mask(text) + "\n";
        if (file == null) {
            if (held.size() == HELD_LINES) {
                held.removeFirst();
            }
            held.addLast(stamped);
        } else {
            write(stamped);
        }
    }

    /** One line straight into {@code runDir}/run.log, for notes of a run directory that has no live log. */
    static void appendTo(Path runDir, Clock clock, String text) {
        try (RunLog log = new RunLog(clock, List.of())) {
            log.attach(runDir);
            log.line(text);
        }
    }

    private void write(String stamped) {
        try {
            file.write(stamped.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failed = true; // a full disk: the run itself will report it; the log just stops
        }
    }

    private String mask(String text) {
        String masked = ANSI.matcher(text).replaceAll("");
        for (String secret : secrets) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }

    @Override
    public synchronized void close() {
        closed = true;
        held.clear();
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing was lost that the console did not show
            }
        }
    }

    /** Passes everything to the console and cuts it into lines for the log; a carriage return starts over. */
    private final class Tee extends Writer {
        private final PrintWriter console;
        private final StringBuilder current = new StringBuilder();

        Tee(PrintWriter console) {
            this.console = console;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            console.write(chars, off, len);
            synchronized (current) {
                for (int i = off; i < off + len; i++) {
                    char c = chars[i];
                    if (c == '\n') {
                        line(current.toString());
                        current.setLength(0);
                    } else if (c == '\r') {
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
            }
        }

        @Override
        public void flush() {
            console.flush();
        }

        @Override
        public void close() {
            console.flush();
        }
    }
}
