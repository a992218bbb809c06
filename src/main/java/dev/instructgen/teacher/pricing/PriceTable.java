package dev.instructgen.teacher.pricing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.LocalHosts;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prices per model, from the shipped {@code pricing/prices.yaml} plus the user's overrides. Lookup order: an
 * override for the model, then the shipped table (whatever the host), then free for local hosts and the Ollama
 * API, else unknown.
 */
public final class PriceTable {

    private static final String RESOURCE = "/pricing/prices.yaml";
    /** A dated snapshot or alias suffix after a listed name: "-2024-08-06", "-20241022", "-latest". */
    private static final Pattern SNAPSHOT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest");

    record Entry(double input, double output, List<String> aliases, LocalDate checked, String source,
                 @com.fasterxml.jackson.annotation.JsonProperty("cached_input") Double cachedInput,
                 @com.fasterxml.jackson.annotation.JsonProperty("batch-input") Double batchInput,
                 @com.fasterxml.jackson.annotation.JsonProperty("batch-output") Double batchOutput) {
        Entry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    record File(Map<String, Entry> models) {
    }

    private final Map<String, Price> listed;
    private final Map<String, Price> overrides;
    /** The Batch API rates of the listed models that have them (batch-input, batch-output). */
    private final Map<String, Price> listedBatch;

    private PriceTable(Map<String, Price> listed, Map<String, Price> overrides) {
        this(listed, overrides, Map.of());
    }

    private PriceTable(Map<String, Price> listed, Map<String, Price> overrides, Map<String, Price> listedBatch) {
        this.listed = listed;
        this.overrides = overrides;
        this.listedBatch = listedBatch;
    }

    /** The table shipped inside the jar. */
    public static PriceTable loadDefault() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PriceTable parse(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File file = mapper.readValue(yaml, File.class);
        Map<String, Price> listed = new HashMap<>();
        Map<String, Price> batch = new HashMap<>();
        file.models().forEach((name, entry) -> {
            Price price = new Price(entry.input(), entry.output(), Price.Basis.LISTED, entry.source(), entry.checked(),
                    entry.cachedInput());
            listed.put(normalize(name), price);
            entry.aliases().forEach(alias -> listed.put(normalize(alias), price));
            if (entry.batchInput() != null && entry.batchOutput() != null) {
                Price batchPrice = new Price(entry.batchInput(), entry.batchOutput(), Price.Basis.LISTED,
                        entry.source(), entry.checked());
                batch.put(normalize(name), batchPrice);
                entry.aliases().forEach(alias -> batch.put(normalize(alias), batchPrice));
            }
        });
        return new PriceTable(Map.copyOf(listed), Map.of(), Map.copyOf(batch));
    }

    /** A table where these model names (as given to --model) have these prices, e.g. from the config file. */
    public PriceTable withOverrides(Map<String, Price> prices) {
        Map<String, Price> merged = new LinkedHashMap<>(overrides);
        prices.forEach((model, price) -> merged.put(normalize(model), price));
        return new PriceTable(listed, Map.copyOf(merged), listedBatch);
    }

    /**
     * Overrides from a config file's {@code prices} section, shaped like the shipped table:
     * {@code prices: {my-model: {input: 0.5, output: 1.5}}} (USD per 1M tokens).
     *
     * @param where names the config file, for error messages
     * @throws BadInputException when an entry lacks a non-negative input or output figure
     */
    public PriceTable withOverrides(JsonNode prices, String where) {
        if (prices == null || prices.isNull()) {
            return this;
        }
        if (!prices.isObject()) {
            throw new BadInputException(where + ": 'prices' must map model names to {input, output} in USD per 1M tokens");
        }
        Map<String, Price> parsed = new LinkedHashMap<>();
        prices.fields().forEachRemaining(field -> {
            JsonNode input = field.getValue().path("input");
            JsonNode output = field.getValue().path("output");
            if (!input.isNumber() || !output.isNumber() || input.asDouble() < 0 || output.asDouble() < 0) {
                throw new BadInputException(where + ": prices." + field.getKey()
                        + " needs non-negative numbers 'input' and 'output' (USD per 1M tokens)");
            }
            JsonNode cached = field.getValue().path("cached_input");
            if (!cached.isMissingNode() && (!cached.isNumber() || cached.asDouble() < 0)) {
                throw new BadInputException(where + ": prices." + field.getKey()
                        + ".cached_input must be a non-negative number (USD per 1M cached prompt tokens)");
            }
            parsed.put(field.getKey(), Price.override(input.asDouble(), output.asDouble())
                    .withCachedInput(cached.isNumber() ? cached.asDouble() : null));
        });
        return withOverrides(parsed);
    }

    public Price priceFor(TeacherIdentity teacher) {
        String model = normalize(teacher.model());
        Price override = overrides.get(model);
        if (override != null) {
            return override;
        }
        // A listed hosted model keeps its price behind a local address: that is a gateway (LiteLLM, a proxy on
        // 127.0.0.1) forwarding to the provider, and the bill still comes, so --max-cost must still count it.
        Optional<Price> listedPrice = lookup(model);
        if (listedPrice.isPresent()) {
            return listedPrice.get();
        }
        if (teacher.api() == TeacherApi.OLLAMA) {
            return Price.free("ollama");
        }
        if (LocalHosts.isLocal(teacher.host())) {
            return Price.free("local host " + teacher.host());
        }
        return Price.unknown(teacher.model());
    }

    /**
     * What a request answered through the Batch API ({@code --batch}) costs: the listed batch rates; a model listed
     * without them, an override from the config and a local or unknown model are priced as {@link #priceFor}.
     */
    public Price batchPriceFor(TeacherIdentity teacher) {
        String model = normalize(teacher.model());
        if (!overrides.containsKey(model)) {
            Optional<Price> batch = lookup(listedBatch, model);
            if (batch.isPresent()) {
                return batch.get();
            }
        }
        return priceFor(teacher);
    }

    private Optional<Price> lookup(String model) {
        return lookup(listed, model);
    }

    private static Optional<Price> lookup(Map<String, Price> listed, String model) {
        Price exact = listed.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        // Longest listed name first, so "gpt-4o-mini-2024-07-18" is gpt-4o-mini, not gpt-4o.
        return listed.keySet().stream()
                .filter(name -> model.startsWith(name + "-")
                        && SNAPSHOT.matcher(model.substring(name.length() + 1)).matches())
                .max(Comparator.comparingInt(String::length))
                .map(listed::get);
    }

    /** Lower case, without a gateway's provider prefix ("openai/gpt-4o" is gpt-4o). */
    static String normalize(String model) {
        String name = model.trim().toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
