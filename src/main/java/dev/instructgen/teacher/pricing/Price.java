package dev.instructgen.teacher.pricing;

import dev.instructgen.teacher.TokenUsage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a teacher's tokens cost, in US dollars per million, and how we know. An {@link Basis#UNKNOWN} price has
 * no figures: callers show "unknown" rather than $0, and a cost budget cannot be enforced with it.
 *
 * @param inputPerMillion  USD per 1M prompt tokens, null when unknown
 * @param outputPerMillion USD per 1M completion tokens, null when unknown
 * @param basis            where the figures come from
 * @param source           URL the figures were taken from, or a short note (e.g. "local host")
 * @param checked          when the figures were last compared with the source; null for local and unknown
 * @param cachedInputPerMillion USD per 1M prompt tokens served from the provider's prompt cache; null when the
 *                         provider gives no discount (then they cost the input rate)
 */
public record Price(Double inputPerMillion, Double outputPerMillion, Basis basis, String source,
                    LocalDate checked, Double cachedInputPerMillion) {

    public Price(Double inputPerMillion, Double outputPerMillion, Basis basis, String source, LocalDate checked) {
        this(inputPerMillion, outputPerMillion, basis, source, checked, null);
    }

    public enum Basis {
        /** a local server (loopback, private network) or Ollama: no per-token charge */
        LOCAL,
        /** the shipped price table */
        LISTED,
        /** a price given by the user in the config */
        OVERRIDE,
        /** a hosted model missing from the table */
        UNKNOWN
    }

    public Price {
        Objects.requireNonNull(basis, "basis");
        if (basis == Basis.UNKNOWN) {
            if (inputPerMillion != null || outputPerMillion != null) {
                throw new IllegalArgumentException("an unknown price has no figures");
            }
        } else {
            if (inputPerMillion == null || outputPerMillion == null) {
                throw new IllegalArgumentException("a known price needs input and output figures");
            }
            if (inputPerMillion < 0 || outputPerMillion < 0
                    || cachedInputPerMillion != null && cachedInputPerMillion < 0) {
                throw new IllegalArgumentException("prices cannot be negative");
            }
        }
    }

    public static Price free(String why) {
        return new Price(0.0, 0.0, Basis.LOCAL, why, null);
    }

    public static Price unknown(String model) {
        return new Price(null, null, Basis.UNKNOWN, "no price listed for '" + model + "'", null);
    }

    public static Price override(double inputPerMillion, double outputPerMillion) {
        return new Price(inputPerMillion, outputPerMillion, Basis.OVERRIDE, "config", null);
    }

    /** The same price with cached prompt tokens at {@code perMillion}. */
    public Price withCachedInput(Double perMillion) {
        return new Price(inputPerMillion, outputPerMillion, basis, source, checked, perMillion);
    }

    public boolean isKnown() {
        return basis != Basis.UNKNOWN;
    }

    /**
     * US dollars for these tokens.
     *
     * @throws IllegalStateException when the price is unknown; check {@link #isKnown()} first
     */
    public double cost(TokenUsage usage) {
        if (!isKnown()) {
            throw new IllegalStateException("cannot compute a cost: " + source);
        }
        double cachedRate = cachedInputPerMillion != null ? cachedInputPerMillion : inputPerMillion;
        return (usage.uncachedPromptTokens() * inputPerMillion + usage.cachedTokens() * cachedRate
                + usage.completionTokens() * outputPerMillion) / 1_000_000.0;
    }

    /**
     * What to tell a user whose {@code --max-cost} this price makes meaningless: at $0 per token the budget never
     * stops the run. Empty when the price can spend the budget.
     */
    public java.util.Optional<String> budgetWarning(double maxCost, String model) {
        if (!isKnown() || inputPerMillion > 0 || outputPerMillion > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("--max-cost " + maxCost + " will never stop this run: model '" + model
                + "' is priced at $0 (" + source + "); if it is billed, give its price under 'prices' in the "
                + "--config file");
    }
}
