package dev.instructgen.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * An ordered list of layers under one base package: a class may depend on classes of its own layer and of the
 * layers listed before it, never on a later one. A layer is a package with all its sub-packages. The order is
 * written once, in {@link LayeringTest#INSTRUCTGEN}, and mirrored by the table in docs/architecture.md.
 */
record Layering(String basePackage, List<String> bottomUp) {

    Layering {
        bottomUp = List.copyOf(bottomUp);
    }

    /** One rule per layer: it must not reach into any layer above it. */
    List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < bottomUp.size() - 1; i++) {
            String[] above = bottomUp.subList(i + 1, bottomUp.size()).stream()
                    .map(this::packageOf).toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage(packageOf(bottomUp.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .as("layer '" + bottomUp.get(i) + "' depends on no layer above it")
                    .allowEmptyShould(true));
        }
        return rules;
    }

    /** No two packages under the base depend on each other in a cycle. */
    ArchRule noCycles() {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                .as("packages under " + basePackage + " are free of cycles");
    }

    /** The combined result of every rule on the given classes. */
    EvaluationResult evaluate(JavaClasses classes) {
        EvaluationResult result = noCycles().evaluate(classes);
        for (ArchRule rule : rules()) {
            result.add(rule.evaluate(classes));
        }
        return result;
    }

    private String packageOf(String layer) {
        return basePackage + "." + layer + "..";
    }
}
