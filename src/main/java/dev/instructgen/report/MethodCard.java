package dev.instructgen.report;

import java.util.Objects;

/**
 * What the dataset card says about a generation method, supplied by the method itself so the card never branches
 * on method names.
 *
 * @param code        the method's stable code, used as a tag in the card's front matter
 * @param description one Markdown paragraph for the "Method" section, starting with the method's name in bold
 * @param citation    the BibTeX entry of the method's paper, ending with a line break
 */
public record MethodCard(String code, String description, String citation) {

    public MethodCard {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(citation, "citation");
    }
}
