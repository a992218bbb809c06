package dev.instructgen.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.instructgen.error.BadInputException;
import dev.instructgen.config.ConfigFile;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.licensing.CommercialUseGate;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.licensing.TermsOverride;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.pricing.PriceTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a generating command settles about its teacher before the first request: the terms that govern its
 * output (shipped policy plus the config's {@code licensing.teacher-terms}), whether they and the seed licenses
 * allow the run under {@code --require-commercial}, and the price per token (shipped table plus the config's
 * {@code prices}) with its Batch API rate ({@code batchPrice}, for {@code --batch}). Shared by self-instruct and evol-instruct so both refuse and warn alike.
 */
record TeacherTermsAndPrice(TeacherTermsPolicy policy, TeacherTerms terms, Price price, Price batchPrice) {

    private static final ObjectReader OVERRIDE_READER = JsonCodec.mapper()
            .readerFor(TermsOverride.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @throws BadInputException when the config is malformed, when {@code --require-commercial} is refused, or
     *                           when a cost budget is set for a model without a known price
     */
    static TeacherTermsAndPrice settle(TeacherIdentity identity, List<SeedSource> seedSources,
                                       GenerationOptions options, ConfigFile config, PrintWriter err) {
        TeacherTermsPolicy policy = policy(config);
        TeacherTerms terms = policy.termsFor(identity);
        if (options.requireCommercial) {
            new CommercialUseGate().check(seedSources, terms);
        }
        if (terms.isUnknown()) {
            err.println("warning: the terms of teacher '" + identity.model() + "' are unknown: examples get "
                    + "commercial_use null (add an entry under licensing.teacher-terms in the --config file)");
        }
        PriceTable prices = prices(config);
        Price price = prices.priceFor(identity);
        if (options.maxCost != null && !price.isKnown()) {
            throw new BadInputException("--max-cost needs a price for model '" + identity.model() + "', which the "
                    + "price table does not list; add it under 'prices' in the --config file");
        }
        if (options.maxCost != null) {
            price.budgetWarning(options.maxCost, identity.model()).ifPresent(w -> err.println("warning: " + w));
        }
        return new TeacherTermsAndPrice(policy, terms, price, prices.batchPriceFor(identity));
    }

    /** The shipped teacher-terms policy with the config's {@code licensing.teacher-terms} rules. */
    static TeacherTermsPolicy policy(ConfigFile config) {
        TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault();
        List<TermsOverride> overrides = termsOverrides(config);
        return overrides.isEmpty() ? policy : policy.withOverrides(overrides);
    }

    /** The shipped price table with the config's {@code prices}. */
    static PriceTable prices(ConfigFile config) {
        PriceTable prices = PriceTable.loadDefault();
        if (config.section("prices").isPresent()) {
            prices = prices.withOverrides(config.section("prices").get(), config.path() + ": prices");
        }
        return prices;
    }

    private static List<TermsOverride> termsOverrides(ConfigFile config) {
        JsonNode licensing = config.section("licensing").orElse(null);
        if (licensing == null) {
            return List.of();
        }
        List<TermsOverride> overrides = new ArrayList<>();
        var fields = licensing.fieldNames();
        while (fields.hasNext()) {
            String key = fields.next();
            if (!key.equals("teacher-terms")) {
                throw new BadInputException(config.path() + ": licensing: unknown setting '" + key
                        + "' (expected teacher-terms)");
            }
        }
        JsonNode entries = licensing.path("teacher-terms");
        if (!entries.isArray()) {
            throw new BadInputException(config.path() + ": licensing.teacher-terms must be a list of rules");
        }
        for (int i = 0; i < entries.size(); i++) {
            try {
                overrides.add(OVERRIDE_READER.readValue(entries.get(i)));
            } catch (IOException e) {
                throw new BadInputException(config.path() + ": licensing.teacher-terms[" + i + "]: "
                        + firstLine(e.getMessage()));
            }
        }
        return overrides;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
