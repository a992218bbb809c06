package dev.instructgen.licensing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config example of docs/licensing.md, read the way a config loader reads it. */
class ConfigOverridesTest {

    private static final String CONFIG = """
            licensing:
              teacher-terms:
                - match: 'acme-finetune'
                  terms: apache-2.0
                - match: 'secret-model'
                  family: Acme internal
                  name: Acme Internal Model License
                  url: https://acme.example/model-license
                  commercial_use: true
                  restrictions: [attribution]
                  checked: 2026-11-01
                  note: Cleared by Acme legal, ticket 1234.
                - host: llm-gateway.acme.example
                  name: Acme gateway terms
                  commercial_use: true
            """;

    private static List<TermsOverride> read(String yaml) throws Exception {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode entries = mapper.readTree(yaml).path("licensing").path("teacher-terms");
        return mapper.convertValue(entries, new TypeReference<>() { });
    }

    @Test
    void theDocumentedConfigEntriesApply() throws Exception {
        TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault().withOverrides(read(CONFIG));

        assertThat(policy.termsFor("acme/acme-finetune-7b").termsId()).isEqualTo("apache-2.0");
        TeacherTerms secret = policy.termsFor("secret-model:latest");
        assertThat(secret.family()).isEqualTo("Acme internal");
        assertThat(secret.checked()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(secret.note()).isEqualTo("Cleared by Acme legal, ticket 1234.");
        assertThat(policy.termsFor("llama3.1:8b", "llm-gateway.acme.example:443").name())
                .isEqualTo("Acme gateway terms");
        assertThat(policy.termsFor("llama3.1:8b", "localhost:11434").termsId()).isEqualTo("llama-3.1");
        assertThat(policy.version()).endsWith("+3 overrides");
    }

    @Test
    void aBrokenPatternIsReportedAsTheDocsShow() throws Exception {
        List<TermsOverride> entries = read("""
                licensing:
                  teacher-terms:
                    - match: 'ok'
                      terms: mit
                    - match: 'llama('
                      terms: mit
                """);

        assertThatThrownBy(() -> TeacherTermsPolicy.loadDefault().withOverrides(entries))
                .isInstanceOf(BadInputException.class)
                .hasMessage("licensing.teacher-terms[1].match: invalid regular expression 'llama(': Unclosed group");
    }

    @Test
    void inlineTermsWithoutCommercialUseAreUnknownForCommercialUse() throws Exception {
        TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault().withOverrides(read("""
                licensing:
                  teacher-terms:
                    - match: 'house-model'
                      name: House terms
                """));

        assertThat(policy.termsFor("house-model").commercialUse()).isNull();
        assertThat(policy.termsFor("house-model").isUnknown()).isFalse();
    }
}
