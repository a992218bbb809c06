package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.TeacherUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --patience}: how long the teacher may go without answering. The clock starts when the first attempt
 * that got no answer was sent (not when its timeout fired, or a hanging teacher would get patience plus a
 * timeout) and stops at any answer. Shared by the breaker, which judges it, and the retry layer, which never
 * sleeps past it, so a run gives up within one attempt's time of the limit.
 */
public final class Patience {

    private final Duration limit;
    private final Clock clock;
    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();

    public Patience(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** An attempt sent at {@code sent} got no answer; the first such one since the last answer starts the clock. */
    void noAnswer(Instant sent) {
        unreachableSince.compareAndSet(null, sent);
    }

    /** The teacher answered (anything, even a 429 or a 404). */
    void answered() {
        unreachableSince.set(null);
    }

    /** Time left before the patience runs out; empty while the teacher answers. */
    public Optional<Duration> left() {
        Instant since = unreachableSince.get();
        if (since == null) {
            return Optional.empty();
        }
        Duration left = limit.minus(Duration.between(since, clock.instant()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** Throws once the teacher has gone without answering for the whole limit. */
    void check(String host, String lastFault, Throwable cause) {
        Instant since = unreachableSince.get();
        if (since == null) {
            return;
        }
        Duration down = Duration.between(since, clock.instant());
        if (down.compareTo(limit) >= 0) {
            throw new TeacherUnavailableException("the teacher at " + host + " has been unreachable for "
                    + human(down) + " (--patience " + human(limit) + "); last error: " + lastFault, cause);
        }
    }

    Instant now() {
        return clock.instant();
    }

    private static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds >= 60 && seconds % 60 == 0) {
            return (seconds / 60) + "m";
        }
        return seconds > 0 ? seconds + "s" : d.toMillis() + "ms";
    }
}
