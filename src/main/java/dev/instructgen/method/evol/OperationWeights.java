package dev.instructgen.method.evol;

import dev.instructgen.error.BadInputException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Relative weights of the evolution operations. The paper draws one of the six uniformly (WizardLM, section
 * 3.1), which is the default; users may tilt the mix, e.g. {@code add-constraints=2,breadth=0.5}. Operations
 * not named keep weight 1; weight 0 turns an operation off.
 */
public record OperationWeights(Map<EvolOperation, Double> weights) {

    public OperationWeights {
        EnumMap<EvolOperation, Double> copy = new EnumMap<>(EvolOperation.class);
        for (EvolOperation op : EvolOperation.values()) {
            double w = weights.getOrDefault(op, 0.0);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new BadInputException("--operation-weights: weight of " + op.key()
                        + " must be a finite number >= 0, was " + w);
            }
            copy.put(op, w);
        }
        if (copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new BadInputException("--operation-weights: at least one operation needs a weight above 0");
        }
        weights = Collections.unmodifiableMap(copy);
    }

    public static OperationWeights uniform() {
        EnumMap<EvolOperation, Double> w = new EnumMap<>(EvolOperation.class);
        for (EvolOperation op : EvolOperation.values()) {
            w.put(op, 1.0);
        }
        return new OperationWeights(w);
    }

    /** Parses "add-constraints=1,deepen=2,..."; null or blank gives the uniform default. */
    public static OperationWeights parse(String spec) {
        EnumMap<EvolOperation, Double> w = new EnumMap<>(uniform().weights());
        if (spec == null || spec.isBlank()) {
            return new OperationWeights(w);
        }
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new BadInputException("--operation-weights: expected NAME=WEIGHT, got '" + part.trim() + "'");
            }
            EvolOperation op = EvolOperation.fromKey(part.substring(0, eq));
            String value = part.substring(eq + 1).trim();
            try {
                w.put(op, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new BadInputException("--operation-weights: weight of " + op.key() + " must be a number, was '"
                        + value + "'");
            }
        }
        return new OperationWeights(w);
    }

    public double weight(EvolOperation op) {
        return weights.get(op);
    }

    public double total() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Canonical form for the manifest: every operation with its weight, in a fixed order. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        weights.forEach((op, w) -> j.add(op.key() + "=" + stripZeros(w)));
        return j.toString();
    }

    private static String stripZeros(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }
}
