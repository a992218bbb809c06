package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.teacher.Sampling;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingAndFilterSectionTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    private final Map<String, Sampling> defaults = Map.of(
            "instruction-generation", new Sampling(0.7, 0.5, 1024, 2.0, List.of("\n16.")),
            "classification", Sampling.greedy(3));

    @Test
    void replacesOnlyTheGivenKeysOfTheGivenStages() throws Exception {
        Map<String, Sampling> out = SamplingSection.apply(defaults, yaml("""
                instruction-generation: {temperature: 1.0, max-tokens: 2048}
                """), "c.yaml");

        assertThat(out.get("instruction-generation"))
                .isEqualTo(new Sampling(1.0, 0.5, 2048, 2.0, List.of("\n16.")));
        assertThat(out.get("classification")).isEqualTo(Sampling.greedy(3));
    }

    @Test
    void namesTheFileAndTheStageOfAnUnknownStageOrKeyOrBadValue() throws Exception {
        assertThatThrownBy(() -> SamplingSection.apply(defaults, yaml("instances: {temperature: 1}"), "c.yaml"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("c.yaml")
                .hasMessageContaining("sampling.instances").hasMessageContaining("instruction-generation");
        assertThatThrownBy(() -> SamplingSection.apply(defaults, yaml("classification: {temprature: 1}"), "c.yaml"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("temprature");
        assertThatThrownBy(() -> SamplingSection.apply(defaults, yaml("classification: {temperature: 5}"), "c.yaml"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("temperature must be within 0..2");
    }

    @Test
    void filtersReplaceBoundsAndExtendTheBlacklist() throws Exception {
        InstructionFilterSettings out = FilterSection.apply(InstructionFilterSettings.defaults(), yaml("""
                min-words: 4
                extra-blacklist: [spreadsheet]
                """), "c.yaml");

        assertThat(out.minWords()).isEqualTo(4);
        assertThat(out.maxWords()).isEqualTo(150);
        assertThat(out.blacklist()).contains("image", "spreadsheet");
    }

    @Test
    void aFilterBlacklistReplacesTheDefaultOne() throws Exception {
        InstructionFilterSettings out = FilterSection.apply(InstructionFilterSettings.defaults(),
                yaml("blacklist: [spreadsheet]"), "c.yaml");

        assertThat(out.blacklist()).containsExactly("spreadsheet");
    }

    @Test
    void anUnknownFilterKeyIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> FilterSection.apply(InstructionFilterSettings.defaults(),
                yaml("max_word: 3"), "c.yaml"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("c.yaml")
                .hasMessageContaining("max_word");
    }
}
