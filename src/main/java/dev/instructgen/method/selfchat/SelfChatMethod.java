package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.FileDigest;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.MethodSettings;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSession;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.report.MethodCard;
import dev.instructgen.text.TokenizerKind;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Baize-style self-chat (Xu et al. 2023) as a {@link GenerationMethod}: multi-turn conversations the teacher
 * writes about seed topics, playing both sides (docs/self-chat.md).
 *
 * @param topicsFile the --seeds or --topics file as given
 * @param topicKind  "seeds" or "topics": which option gave the file, for the manifest
 * @param seeds      the seed tasks (or the topics as tasks), whose ids the conversations name as parents
 */
public record SelfChatMethod(Path topicsFile, String topicKind, List<SeedTask> seeds, SeedLicenses seedLicenses,
                             SelfChatSettings settings, TokenizerKind tokenizer, double rougeThreshold,
                             SelfChatPrompts prompts) implements GenerationMethod {

    /** What defines a self-chat run, in the manifest's order. */
    record Settings(String topicKind, double rougeThreshold, TokenizerKind tokenizer, SelfChatSettings method,
                    String seedsLicense, String policyVersion) implements MethodSettings {
        @Override
        public Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topics_from", topicKind);
            m.put("rouge_threshold", rougeThreshold);
            m.put("tokenizer", tokenizer.cliName());
            m.putAll(method.manifest());
            m.put("seeds_license", seedsLicense);
            m.put("license_policy_version", policyVersion);
            return m;
        }
    }

    @Override
    public MethodId id() {
        return MethodId.SELF_CHAT;
    }

    private String seedsLicense() {
        return seedLicenses.sources().size() == 1 ? seedLicenses.sources().get(0).license() : null;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        spec.novelty(tokenizer, rougeThreshold)
                .settings(new Settings(topicKind, rougeThreshold, tokenizer, settings, seedsLicense(),
                        licensing.policyVersion()))
                .prompts(prompts.manifest())
                .seeds(new RunSpec.SeedRef(topicsFile.toString(), FileDigest.sha256(topicsFile), seedsLicense()))
                .licensePolicy(new RunSpec.LicensePolicy(licensing.policyVersion(), licensing.requireCommercial(),
                        "seeds", seedsLicense(), seedLicenses.origin().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public MethodRun start(RunContext ctx) {
        Map<String, SeedSource> sources = new HashMap<>();
        List<Topic> topics = seeds.stream().map(seed -> {
            Topic topic = Topic.of(seed);
            sources.put(topic.id(), seedLicenses.sourceOf(seed));
            return topic;
        }).toList();
        return new SelfChatRun(ctx, topics, topic -> sources.get(topic.id()), prompts, settings);
    }

    @Override
    public MethodCard card() {
        return SelfChatCard.CARD;
    }

    @Override
    public List<SeedSource> seedSources() {
        return seedLicenses.sources();
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", spec.target() + " conversations");
        m.put(topicKind, topicsFile + " (" + seeds.size() + " topics)");
        m.put("user turns", "at most " + settings.turns() + ", at least " + settings.minTurns());
        m.put("ROUGE-L threshold", rougeThreshold + " (first user turn)");
        m.put("tokenizer", tokenizer.cliName());
        m.put("sampling", "temperature " + settings.sampling().temperature() + ", max_tokens "
                + settings.sampling().maxTokens());
        m.put("random seed", String.valueOf(spec.randomSeed()));
        return m;
    }

    @Override
    public String doneSummary(RunOutcome outcome, RunSpec spec, long accepted) {
        return accepted + " conversations";
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        boolean priced = licensing.price().isKnown();
        CostModel cost = priced ? licensing.price()::cost : CostModel.FREE;
        long chars = 0;
        for (SeedTask seed : seeds) {
            chars += prompts.render(Topic.of(seed), settings.turns()).length();
        }
        SelfChatDryRun estimate = SelfChatDryRun.of(spec.target(), settings.turns(), (int) (chars / seeds.size()),
                cost);
        return new DryRun(estimate.format(spec.teacher().model(), settings.turns(), priced),
                priced ? estimate.costUsd() : null);
    }
}
