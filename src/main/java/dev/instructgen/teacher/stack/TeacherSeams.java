package dev.instructgen.teacher.stack;

import dev.instructgen.teacher.resilience.Sleeper;

import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Time and randomness of the teacher stack, injected so tests run on a fake clock without sleeping and backoff
 * jitter is reproducible.
 *
 * @param clock   wall time: Retry-After dates, circuit breaker and patience, rate limiter periods
 * @param sleeper how the stack waits (backoff, open breaker, rate limits)
 * @param random  backoff jitter; shared by threads under a lock, so any generator will do
 */
public record TeacherSeams(Clock clock, Sleeper sleeper, RandomGenerator random) {

    public TeacherSeams {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /** The real clock and real sleeping; jitter seeded from {@code seed}. */
    public static TeacherSeams system(long seed) {
        return new TeacherSeams(Clock.systemUTC(), Sleeper.system(), new SplittableRandom(seed));
    }
}
