package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeacherTermsPolicyTest {

    private final TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Meta Llama, as Ollama, Hugging Face and cloud catalogs spell it
            "llama3.1:8b, llama-3.1",
            "llama3.1:70b-instruct-q4_K_M, llama-3.1",
            "meta-llama/Llama-3.1-8B-Instruct, llama-3.1",
            "meta-llama/Meta-Llama-3.1-405B-Instruct, llama-3.1",
            "us.meta.llama3-1-70b-instruct-v1:0, llama-3.1",
            "llama3:8b, llama-3",
            "meta-llama/Meta-Llama-3-70B-Instruct, llama-3",
            "llama3.2:3b, llama-3.2",
            "llama3.2-vision:11b, llama-3.2-vision",
            "meta-llama/Llama-3.2-90B-Vision-Instruct, llama-3.2-vision",
            "llama3.3:70b, llama-3.3",
            "meta-llama/Llama-3.3-70B-Instruct, llama-3.3",
            "llama2:13b-chat, llama-2",
            "meta-llama/Llama-2-7b-chat-hf, llama-2",
            "codellama:7b, llama-2",
            "meta-llama/Llama-4-Scout-17B-16E-Instruct, llama-4",
            "llama4:maverick, llama-4",
            // OpenAI
            "gpt-4o-mini, openai",
            "gpt-4o-2024-08-06, openai",
            "gpt-4o, openai",
            "gpt-4.1-nano, openai",
            "gpt-3.5-turbo, openai",
            "o1-preview, openai",
            "o3-mini, openai",
            "o4-mini-2025-04-16, openai",
            "openai/gpt-4o, openai",
            "ft:gpt-4o-mini-2024-07-18:acme::abc123, openai",
            "gpt-oss:20b, gpt-oss",
            "openai/gpt-oss-120b, gpt-oss",
            // Anthropic and Google
            "claude-3-5-sonnet, anthropic",
            "claude-3-5-sonnet-20241022, anthropic",
            "anthropic/claude-3.5-sonnet, anthropic",
            "anthropic.claude-3-haiku-20240307-v1:0, anthropic",
            "claude-sonnet-4-20250514, anthropic",
            "gemini-1.5-pro, gemini-api",
            "models/gemini-2.0-flash, gemini-api",
            "gemma2:9b, gemma",
            "google/gemma-2-27b-it, gemma",
            "gemma3:4b, gemma",
            "codegemma:7b, gemma",
            // Mistral AI
            "mistral:7b, apache-2.0",
            "mistral, apache-2.0",
            "mistralai/Mistral-7B-Instruct-v0.3, apache-2.0",
            "mixtral:8x7b, apache-2.0",
            "mistralai/Mixtral-8x22B-Instruct-v0.1, apache-2.0",
            "mistral-nemo:12b, apache-2.0",
            "mistralai/Mistral-Small-24B-Instruct-2501, apache-2.0",
            "mistral-small:22b, mistral-research",
            "mistral-small, unknown",
            "mistral-large:123b, mistral-research",
            "mistralai/Ministral-8B-Instruct-2410, mistral-research",
            "codestral:22b, mistral-non-production",
            // Qwen
            "qwen2.5:7b-instruct, apache-2.0",
            "Qwen/Qwen2.5-72B-Instruct, qwen",
            "qwen2.5:72b, qwen",
            "qwen2.5:3b, qwen-research",
            "Qwen/Qwen2.5-Coder-3B-Instruct, qwen-research",
            "qwen2.5-coder:32b, apache-2.0",
            "Qwen/Qwen2.5-32B-Instruct-AWQ, apache-2.0",
            "qwen2.5, unknown",
            "qwen2:7b, apache-2.0",
            "qwen2:72b, unknown",
            "qwen3:8b, apache-2.0",
            "Qwen/Qwen3-235B-A22B, apache-2.0",
            "qwq:32b, apache-2.0",
            // DeepSeek
            "deepseek-r1:14b, deepseek-r1-distill-qwen",
            "deepseek-r1:70b, llama-3.3",
            "deepseek-r1:8b, unknown",
            "deepseek-r1:671b, deepseek-mit",
            "deepseek-ai/DeepSeek-R1, deepseek-mit",
            "deepseek-ai/DeepSeek-R1-Distill-Llama-8B, llama-3.1",
            "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B, deepseek-r1-distill-qwen",
            "deepseek-ai/DeepSeek-V3-0324, deepseek-mit",
            "deepseek-ai/DeepSeek-V3, deepseek-model",
            "deepseek-coder-v2:16b, deepseek-model",
            "deepseek-chat, deepseek-api",
            // Phi and Falcon
            "phi3:mini, phi-mit",
            "phi3.5, phi-mit",
            "microsoft/Phi-3-mini-4k-instruct, phi-mit",
            "phi4:14b, phi-mit",
            "microsoft/phi-4, phi-mit",
            "phi, phi-mit",
            "falcon:7b, falcon-apache",
            "tiiuae/falcon-40b-instruct, falcon-apache",
            "tiiuae/falcon-180B-chat, falcon-180b",
            "falcon3:10b, falcon-2.0",
            "tiiuae/Falcon3-7B-Instruct, falcon-2.0",
            // Not in the table
            "my-company/secret-model-v2, unknown",
            "gpt-j-6b, unknown",
            "medgemma:4b, unknown",
    })
    void matchesModelNamesAsUsersWriteThem(String model, String expectedTerms) {
        assertThat(policy.termsFor(model).termsId()).isEqualTo(expectedTerms);
    }

    @Test
    void normalisesOllamaHubAndCatalogSpellingsToOneForm() {
        assertThat(ModelNameNormaliser.normalise("llama3.1:70b-instruct-q4_K_M"))
                .isEqualTo("llama-3.1-70b-instruct-q4-k-m");
        assertThat(ModelNameNormaliser.normalise("meta-llama/Llama-3.1-8B-Instruct")).isEqualTo("llama-3.1-8b-instruct");
        assertThat(ModelNameNormaliser.normalise("Qwen/Qwen2.5-72B-Instruct")).isEqualTo("qwen-2.5-72b-instruct");
        assertThat(ModelNameNormaliser.normalise("mixtral:8x7b")).isEqualTo("mixtral-8x7b");
        assertThat(ModelNameNormaliser.normalise("o3-mini")).isEqualTo("o3-mini");
        assertThat(ModelNameNormaliser.normalise("anthropic.claude-3-haiku")).isEqualTo("claude-3-haiku");
    }

    @Test
    void carriesTheTermsFactsOfTheMatchedEntry() {
        TeacherTerms terms = policy.termsFor("llama3.1:8b");

        assertThat(terms.model()).isEqualTo("llama3.1:8b");
        assertThat(terms.family()).isEqualTo("Llama 3.1");
        assertThat(terms.name()).isEqualTo("Llama 3.1 Community License Agreement");
        assertThat(terms.commercialUse()).isTrue();
        assertThat(terms.restrictions()).contains("attribution", "naming", "acceptable-use-policy")
                .doesNotContain("no-improving-other-llms");
        assertThat(terms.url()).startsWith("https://");
        assertThat(terms.checked()).isNotNull();
    }

    @Test
    void llama3WithoutPointReleaseForbidsImprovingOtherModelsWithItsOutputs() {
        assertThat(policy.termsFor("llama3:70b").restrictions()).contains("no-improving-other-llms");
    }

    @Test
    void hostedOpenAiModelsForbidCompetingModels() {
        assertThat(policy.termsFor("gpt-4o-mini").restrictions()).contains("no-competing-models");
    }

    @Test
    void unknownModelsHaveUnknownTermsAndNoCommercialAnswer() {
        TeacherTerms terms = policy.termsFor("totally-new-model:7b");

        assertThat(terms.isUnknown()).isTrue();
        assertThat(terms.commercialUse()).isNull();
        assertThat(terms.name()).isEqualTo("unknown");
        assertThat(terms.family()).isEqualTo("unknown");
    }

    @Test
    void hostedApiTermsWinOverTheModelsOwnLicense() {
        TeacherIdentity hosted = new TeacherIdentity(TeacherApi.OPENAI, "open-mistral-7b", "api.mistral.ai");
        TeacherIdentity local = new TeacherIdentity(TeacherApi.OPENAI, "open-mistral-7b", "localhost:8000");

        assertThat(policy.termsFor(hosted).termsId()).isEqualTo("mistral-api");
        assertThat(policy.termsFor(local).termsId()).isEqualTo("apache-2.0");
    }

    @Test
    void anUnknownModelOnTheOpenAiApiGetsOpenAiTerms() {
        assertThat(policy.termsFor("my-fine-tune-xyz", "api.openai.com:443").termsId()).isEqualTo("openai");
    }

    @Test
    void overridesFromConfigComeBeforeShippedRules() {
        TeacherTermsPolicy custom = policy.withOverrides(List.of(
                TermsOverride.inline("secret-model", "Acme Internal Model License", "https://acme.test/license",
                        true, List.of("internal-only")),
                TermsOverride.toShipped("llama-3\\.1", "mit")));

        TeacherTerms secret = custom.termsFor("acme/Secret-Model:7b");
        assertThat(secret.name()).isEqualTo("Acme Internal Model License");
        assertThat(secret.commercialUse()).isTrue();
        assertThat(secret.restrictions()).containsExactly("internal-only");
        assertThat(custom.termsFor("llama3.1:8b").termsId()).isEqualTo("mit");
        assertThat(custom.version()).endsWith("+2 overrides");
        assertThat(policy.termsFor("llama3.1:8b").termsId()).isEqualTo("llama-3.1");
    }

    @Test
    void rejectsAnOverrideNamingTermsThatDoNotExist() {
        assertThatThrownBy(() -> policy.withOverrides(List.of(TermsOverride.toShipped("x", "apache"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("licensing.teacher-terms[0]")
                .hasMessageContaining("unknown terms 'apache'")
                .hasMessageContaining("apache-2.0");
    }

    @Test
    void rejectsAnOverrideWithABrokenPattern() {
        assertThatThrownBy(() -> policy.withOverrides(List.of(TermsOverride.toShipped("llama(", "mit"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("licensing.teacher-terms[0].match")
                .hasMessageContaining("invalid regular expression");
    }

    @Test
    void rejectsAnOverrideWithNeitherPatternNorHost() {
        assertThatThrownBy(() -> policy.withOverrides(List.of(TermsOverride.toShipped(null, "mit"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("needs 'match'");
    }

    @Test
    void theShippedTableHasAVersionAndCheckDate() {
        assertThat(policy.version()).matches("\\d{4}\\.\\d{2}\\.\\d{2}");
        assertThat(policy.checked()).isNotNull();
    }
}
