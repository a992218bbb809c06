package dev.instructgen.licensing;

import java.util.Map;

/** The restriction vocabulary of the policy tables, in plain words for cards and the stats summary. */
final class RestrictionWords {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("share-alike", "Share-alike: the data and adaptations of it must be shared under the same"
                    + " (or a compatible) license."),
            Map.entry("share-alike-conflict", "Share-alike conflict: sources with different share-alike licenses"
                    + " were combined; both cannot be satisfied at once without checking their compatibility."),
            Map.entry("non-commercial", "Non-commercial: at least one source forbids commercial use."),
            Map.entry("no-derivatives", "No derivatives: a source does not allow sharing adaptations of it."),
            Map.entry("attribution", "Attribution: credit the sources listed here and keep their notices when"
                    + " redistributing."),
            Map.entry("naming", "Naming: a model trained on this data and distributed must carry the teacher"
                    + " family's name as its terms require (e.g. a name starting with \"Llama\")."),
            Map.entry("no-competing-models", "No competing models: the teacher's terms forbid using its outputs to"
                    + " develop models that compete with the provider."),
            Map.entry("no-improving-other-llms", "No improving other models: the teacher's license forbids using its"
                    + " outputs to improve any other large language model."),
            Map.entry("acceptable-use-policy", "Acceptable use: the teacher's acceptable-use policy applies to how"
                    + " the data, and models trained on it, are used."),
            Map.entry("terms-pass-through", "Pass-through: models derived from the data must carry the teacher's"
                    + " use restrictions."),
            Map.entry("mau-limit", "User limit: above the monthly-active-user threshold of the teacher's license a"
                    + " separate license is needed."),
            Map.entry("eu-multimodal-exclusion", "EU exclusion: the teacher's multimodal models are not licensed to"
                    + " individuals or companies based in the European Union."),
            Map.entry("no-hosting-use", "No hosting: offering the teacher model as a hosted service needs a"
                    + " separate license."));

    private RestrictionWords() {
    }

    static String explain(String restriction) {
        return WORDS.getOrDefault(restriction, restriction + ": see the sources' terms.");
    }
}
