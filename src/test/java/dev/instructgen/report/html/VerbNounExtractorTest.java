package dev.instructgen.report.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerbNounExtractorTest {

    private static final VerbNounExtractor.Models MODELS = new VerbNounExtractor.Models();
    private final VerbNounExtractor extractor = new VerbNounExtractor(MODELS);

    @Test
    void anImperativeYieldsItsVerbAndTheHeadNounOfItsObject() {
        assertThat(extractor.extract("Write a short poem about the sea."))
                .contains(new VerbNounExtractor.VerbNoun("write", "poem"));
        assertThat(extractor.extract("Generate a list of five healthy breakfast ideas."))
                .contains(new VerbNounExtractor.VerbNoun("generate", "list"));
    }

    @Test
    void aLeadingGivenClauseDoesNotHideTheRootVerb() {
        assertThat(extractor.extract("Given a list of numbers, find the largest number."))
                .map(VerbNounExtractor.VerbNoun::verb).contains("find");
    }

    @Test
    void textWithoutAVerbYieldsNothing() {
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract("The blue sky.")).isEmpty();
    }
}
