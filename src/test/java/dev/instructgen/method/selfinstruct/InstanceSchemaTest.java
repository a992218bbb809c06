package dev.instructgen.method.selfinstruct;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.filter.CandidateInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instance-generation replies as JSON of the declared schema ({@code --structured}) read as the same instances as
 * the text the parser reads without it, so one parser serves servers with and without structured output.
 */
class InstanceSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InstanceParser parser = new InstanceParser();

    @Test
    void inputFirstJsonBecomesTheInstancesItHolds() throws Exception {
        String reply = """
                {"examples": [
                  {"input": "to let the cat out of the bag", "output": "It means to reveal a secret."},
                  {"input": "", "output": "def f(x):\\n    return x + 1"},
                  {"input": "Ana books the venue.\\nTom reviews the budget.", "output": "- Ana: venue\\n- Tom: budget"}
                ]}""";
        String text = InstanceSchema.INPUT_FIRST.asText().apply(JSON.readTree(reply));

        assertThat(parser.inputFirst(text)).containsExactly(
                new CandidateInstance("to let the cat out of the bag", "It means to reveal a secret."),
                new CandidateInstance("", "def f(x):\n    return x + 1"),
                new CandidateInstance("Ana books the venue.\nTom reviews the budget.", "- Ana: venue\n- Tom: budget"));
    }

    @Test
    void outputFirstJsonBecomesLabelledInstances() throws Exception {
        String reply = """
                {"examples": [
                  {"class_label": "Positive", "input": "Friendly staff and the best lemon tart."},
                  {"class_label": "Jupiter", "input": ""}
                ]}""";
        String text = InstanceSchema.OUTPUT_FIRST.asText().apply(JSON.readTree(reply));

        assertThat(parser.outputFirst(text)).containsExactly(
                new CandidateInstance("Friendly staff and the best lemon tart.", "Positive"),
                new CandidateInstance("", "Jupiter"));
    }

    @Test
    void eachFormatDeclaresItsOwnSchemaWithEveryFieldRequired() {
        assertThat(InstanceSchema.of(false)).isSameAs(InstanceSchema.INPUT_FIRST);
        assertThat(InstanceSchema.of(true)).isSameAs(InstanceSchema.OUTPUT_FIRST);
        assertThat(InstanceSchema.INPUT_FIRST.shape().toJsonSchema().toString())
                .contains("examples", "input", "output", "required");
        assertThat(InstanceSchema.OUTPUT_FIRST.shape().toJsonSchema().toString()).contains("class_label");
    }

    @Test
    void anEmptyListReadsAsAReplyWithoutInstances() throws Exception {
        assertThat(parser.inputFirst(InstanceSchema.INPUT_FIRST.asText().apply(JSON.readTree("{\"examples\": []}"))))
                .isEmpty();
        assertThat(parser.inputFirst(InstanceSchema.INPUT_FIRST.asText().apply(JSON.readTree("{\"other\": 1}"))))
                .isEmpty();
    }
}
