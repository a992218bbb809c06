package dev.instructgen.filter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceScreenTest {

    private static CandidateInstance instance(String input, String output) {
        return new CandidateInstance(input, output);
    }

    private static List<String> reasons(InstanceScreen.Result result) {
        return result.rejected().stream().map(r -> r.verdict().reason().code()).toList();
    }

    @Test
    void keepsGoodInstancesInOrder() {
        var good = List.of(instance("2 + 2", "4"), instance("3 * 3", "9"));

        InstanceScreen.Result result = InstanceScreen.screen(good, false, 5);

        assertThat(result.kept()).containsExactlyElementsOf(good);
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void dropsTheLastInstanceWhenTheReplyWasCutOff() {
        var parsed = List.of(instance("2 + 2", "4"), instance("3 * 3", "The answer is"));

        InstanceScreen.Result result = InstanceScreen.screen(parsed, true, 5);

        assertThat(result.kept()).containsExactly(instance("2 + 2", "4"));
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.instance()).isEqualTo(instance("3 * 3", "The answer is"));
            assertThat(r.verdict().reason().code()).isEqualTo("cut_off");
        });
    }

    @Test
    void keepsTheLastInstanceWhenTheReplyEndedNormally() {
        assertThat(InstanceScreen.screen(List.of(instance("a b", "c")), false, 5).kept()).hasSize(1);
        assertThat(InstanceScreen.screen(List.of(), true, 5).rejected()).isEmpty();
    }

    @Test
    void rejectsAnEmptyOutput() {
        InstanceScreen.Result result = InstanceScreen.screen(List.of(instance("Some input", "  \n")), false, 5);

        assertThat(reasons(result)).containsExactly("empty_output");
        assertThat(result.kept()).isEmpty();
    }

    @Test
    void rejectsAnOutputIdenticalToTheInput() {
        InstanceScreen.Result result = InstanceScreen.screen(
                List.of(instance("The cat sat.", " The cat sat. "), instance("x", "y")), false, 5);

        assertThat(reasons(result)).containsExactly("input_equals_output");
        assertThat(result.kept()).containsExactly(instance("x", "y"));
    }

    @Test
    void rejectsAFieldEndingWithAColon() {
        InstanceScreen.Result result = InstanceScreen.screen(List.of(
                instance("Here is the list:", "apples"),
                instance("A list", "The items are:"),
                instance("A: B", "C: D")), false, 5);

        assertThat(reasons(result)).containsExactly("field_ends_with_colon", "field_ends_with_colon");
        assertThat(result.rejected().get(0).verdict().detail()).contains("input");
        assertThat(result.rejected().get(1).verdict().detail()).contains("output");
        assertThat(result.kept()).containsExactly(instance("A: B", "C: D"));
    }

    @Test
    void dropsTheWholeTaskWhenOneInputHasDifferentOutputs() {
        InstanceScreen.Result result = InstanceScreen.screen(List.of(
                instance("I loved it", "positive"),
                instance("It was fine", "neutral"),
                instance("I loved it", "negative"),
                instance("", "empty output is filtered first")), false, 5);

        assertThat(result.kept()).isEmpty();
        assertThat(reasons(result)).containsExactly("conflicting_outputs", "conflicting_outputs",
                "conflicting_outputs", "conflicting_outputs");
        assertThat(result.rejected().get(0).verdict().detail()).contains("\"I loved it\"");
    }

    @Test
    void doesNotTreatDifferentOutputsForAnEmptyInputAsAConflict() {
        InstanceScreen.Result result = InstanceScreen.screen(List.of(
                instance("", "A haiku about dawn"), instance("", "A haiku about dusk")), false, 5);

        assertThat(result.kept()).hasSize(2);
    }

    @Test
    void rejectsExactDuplicatesAfterTheFirst() {
        InstanceScreen.Result result = InstanceScreen.screen(List.of(
                instance("2 + 2", "4"), instance("2 + 2 ", "4"), instance("3 + 3", "6")), false, 5);

        assertThat(result.kept()).containsExactly(instance("2 + 2", "4"), instance("3 + 3", "6"));
        assertThat(reasons(result)).containsExactly("duplicate_instance");
    }

    @Test
    void keepsAtMostTheRequestedNumberOfInstances() {
        var parsed = List.of(instance("1", "one"), instance("2", "two"), instance("3", "three"));

        InstanceScreen.Result result = new InstanceScreen(2).screen(parsed, false);

        assertThat(result.kept()).containsExactly(instance("1", "one"), instance("2", "two"));
        assertThat(reasons(result)).containsExactly("over_instance_limit");
    }

    @Test
    void refusesALimitOutsideOneToFive() {
        assertThatThrownBy(() -> new InstanceScreen(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstanceScreen(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 5");
    }

    @Test
    void treatsNullFieldsAsEmpty() {
        assertThat(instance(null, null)).isEqualTo(instance("", ""));
    }
}
