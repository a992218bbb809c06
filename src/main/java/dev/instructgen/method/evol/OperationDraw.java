package dev.instructgen.method.evol;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws the operation for one evolution step. The paper picks an operation at random for every instruction in
 * every round (WizardLM, section 3.1); we make that draw a pure function of (run seed, instruction id, round)
 * so that a run is reproducible whatever order the threads finish in, and a resumed run draws what the
 * interrupted one would have drawn.
 */
public final class OperationDraw {

    private final long seed;
    private final OperationWeights weights;

    public OperationDraw(long seed, OperationWeights weights) {
        this.seed = seed;
        this.weights = weights;
    }

    /** The operation applied to instruction {@code instructionId} in round {@code round} (1-based). */
    public EvolOperation draw(String instructionId, int round) {
        return pick(randomFor(instructionId, round));
    }

    private RandomGenerator randomFor(String instructionId, int round) {
        long h = fnv1a64(instructionId.getBytes(StandardCharsets.UTF_8));
        return new SplittableRandom(mix(seed ^ mix(h) ^ mix(0x9E3779B97F4A7C15L * round)));
    }

    private EvolOperation pick(RandomGenerator random) {
        double x = random.nextDouble() * weights.total();
        EvolOperation last = null;
        for (EvolOperation op : EvolOperation.values()) {
            double w = weights.weight(op);
            if (w <= 0) {
                continue;
            }
            last = op;
            if (x < w) {
                return op;
            }
            x -= w;
        }
        return last; // rounding at the top end
    }

    /** FNV-1a: a stable string hash (unlike Object.hashCode, its definition will never change). */
    private static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The SplitMix64 finaliser, so that nearby seeds and rounds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
