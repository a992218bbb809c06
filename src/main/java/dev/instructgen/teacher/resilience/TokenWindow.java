package dev.instructgen.teacher.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code --max-tpm} as a sliding window: the tokens charged in any 60 s stay within the limit. A request is
 * charged an estimate before it is sent (its real size is only known from the reply) and the charge is settled
 * to the real usage afterwards, so a limit is used up by what was really spent. Charging the estimate for good,
 * as a fixed per-minute permit pool does, held runs to about half their limit, because the estimate assumes
 * every reply uses its whole completion limit.
 */
final class TokenWindow {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** One request's tokens in the window; settled when its reply is known. */
    static final class Charge {
        private final Instant at;
        private long tokens;

        private Charge(Instant at, long tokens) {
            this.at = at;
            this.tokens = tokens;
        }
    }

    private final long limit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Charge> charges = new ArrayDeque<>();
    private long total;

    TokenWindow(long limit, Clock clock, Sleeper sleeper) {
        this.limit = limit;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until {@code tokens} (at most the whole limit) fit in the last minute, then charges them. */
    Charge reserve(long tokens) {
        long wanted = Math.min(tokens, limit);
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                expire(now);
                if (total + wanted <= limit) {
                    Charge charge = new Charge(now, wanted);
                    charges.addLast(charge);
                    total += wanted;
                    return charge;
                }
                wait = Duration.between(now, charges.peekFirst().at.plus(WINDOW));
            }
            Sleeper.sleepOrCancel(sleeper, wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
        }
    }

    /** The request used {@code tokens} in truth. */
    synchronized void settle(Charge charge, long tokens) {
        long settled = Math.max(0, tokens);
        total += settled - charge.tokens;
        charge.tokens = settled;
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!charges.isEmpty() && !charges.peekFirst().at.isAfter(cutoff)) {
            total -= charges.removeFirst().tokens;
        }
    }
}
