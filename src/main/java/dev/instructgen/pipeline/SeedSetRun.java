package dev.instructgen.pipeline;

import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.text.TokenizerKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the methods that grow a dataset from a seed file (Self-Instruct, Alpaca, Unnatural Instructions) write
 * into their run spec the same way: the ROUGE-L novelty filter, the seed file with its sha256 and license, the
 * license policy, and the manifest's settings in one order. Each method adds only its own settings.
 *
 * @param seedsFile the seed file as given on the command line
 */
public record SeedSetRun(Path seedsFile, SeedLicenses seedLicenses, TokenizerKind tokenizer, double rougeThreshold) {

    /** The seed set's license (its first source's, as every seed-driven method records it). */
    public String seedsLicense() {
        return seedLicenses.sources().get(0).license();
    }

    /** The novelty filter, the method's settings and prompts, the seed file and the license policy. */
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing, MethodSettings settings,
                          Map<String, String> prompts) {
        spec.novelty(tokenizer, rougeThreshold)
                .settings(settings)
                .prompts(prompts)
                .seeds(new RunSpec.SeedRef(seedsFile.toString(), FileDigest.sha256(seedsFile), seedsLicense()))
                .licensePolicy(new RunSpec.LicensePolicy(licensing.policyVersion(), licensing.requireCommercial(),
                        "seeds", seedsLicense(), seedLicenses.origin().name().toLowerCase(Locale.ROOT)));
    }

    /**
     * The manifest's settings of a seed-driven run, in the order manifests have always had them: threshold,
     * tokenizer, the method's own settings, the instruction filters, the seed license and the policy version.
     */
    public static Map<String, Object> manifest(double rougeThreshold, TokenizerKind tokenizer,
                                               Map<String, Object> method, InstructionFilterSettings filters,
                                               String seedsLicense, String policyVersion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rouge_threshold", rougeThreshold);
        m.put("tokenizer", tokenizer.cliName());
        m.putAll(method);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("min_words", filters.minWords());
        f.put("max_words", filters.maxWords());
        f.put("blacklist", filters.blacklist());
        m.put("filters", f);
        m.put("seeds_license", seedsLicense);
        m.put("license_policy_version", policyVersion);
        return m;
    }

    /**
     * {@code count} distinct seeds shown in context, drawn with the run's seeded randomness (call it under the
     * engine lock, from {@link JobSource#next()}): the seed-only demonstrations of Alpaca and Unnatural
     * Instructions.
     */
    public static <T> List<T> demos(List<T> seeds, int count, RandomGenerator random) {
        List<T> pool = new ArrayList<>(seeds);
        List<T> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(count, pool.size()); i++) {
            shown.add(pool.remove(random.nextInt(pool.size())));
        }
        return List.copyOf(shown);
    }
}
