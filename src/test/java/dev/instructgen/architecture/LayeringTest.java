package dev.instructgen.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The package layering that docs/architecture.md promises, enforced on the main classes. */
class LayeringTest {

    /** Bottom to top; each layer may use the ones before it. The one place this order is written. */
    static final Layering INSTRUCTGEN = new Layering("dev.instructgen", List.of(
            "error", "text", "teacher", "dataset", "prompt", "filter", "licensing", "storage", "review", "report",
            "mix", "template", "pipeline", "method", "config", "cli"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.instructgen");

    @Test
    void no_package_of_the_tool_imports_a_layer_above_it_and_none_forms_a_cycle() {
        EvaluationResult result = INSTRUCTGEN.evaluate(MAIN);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void every_top_level_package_has_its_place_in_the_layering() {
        List<String> topLevel = MAIN.stream()
                .map(c -> c.getPackageName().substring("dev.instructgen.".length()).split("\\.")[0])
                .distinct().sorted().toList();
        assertThat(INSTRUCTGEN.bottomUp()).containsAll(topLevel);
    }

    @Test
    void methods_do_not_depend_on_each_other() {
        EvaluationResult result = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.instructgen.method.(*)..").should().notDependOnEachOther()
                .evaluate(MAIN);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void a_class_that_imports_a_layer_above_its_own_is_reported() {
        Layering sample = new Layering("dev.instructgen.architecture.sample", List.of("low", "high"));
        JavaClasses classes = new ClassFileImporter().importPackages("dev.instructgen.architecture.sample");

        EvaluationResult result = sample.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("sample.low.ReachesUp").contains("sample.high.Above");
    }
}
