package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The license block of an example a second model answered (the answer pass, {@code --answer-model}). */
class SecondTeacherLicenseTest {

    private static final SeedSource SEEDS = new SeedSource("seed_tasks.jsonl", "Apache-2.0");

    private static TeacherTerms terms(String model, Boolean commercial, List<String> restrictions) {
        return new TeacherTerms(model, "family", model + "-terms", "Terms of " + model, "https://terms.test/" + model,
                commercial, restrictions, null, LocalDate.of(2026, 1, 1), null);
    }

    @Test
    void aSecondModelsTermsJoinTheSourcesAndItsRestrictionsAndCommercialAnswerCarryOver() {
        TeacherTerms teacher = terms("teacher", true, List.of("attribution"));
        TeacherTerms answerer = terms("answerer", false, List.of("no-model-training"));

        LicenseInfo info = new CombiningLicenseTagger(teacher).tagWithSecondTeacher(List.of(SEEDS), answerer);

        assertThat(info.license()).isEqualTo("Apache-2.0");
        assertThat(info.sources()).containsExactlyInAnyOrder(LicenseInfo.Source.seed("seed_tasks.jsonl", "Apache-2.0"),
                teacher.toSource(), answerer.toSource());
        assertThat(info.commercialUse()).isFalse();
        assertThat(info.restrictions()).contains("attribution", "no-model-training", "non-commercial");
    }

    @Test
    void theSameTermsAsTheTeachersAddNothing() {
        TeacherTerms teacher = terms("teacher", true, List.of());
        CombiningLicenseTagger tagger = new CombiningLicenseTagger(teacher);

        assertThat(tagger.tagWithSecondTeacher(List.of(SEEDS), teacher)).isEqualTo(tagger.tag(List.of(SEEDS)));
    }

    @Test
    void aSecondModelWithUnknownTermsLeavesCommercialUseOpen() {
        TeacherTerms teacher = terms("teacher", true, List.of());
        TeacherTerms unknown = terms("mystery", null, List.of());

        assertThat(new CombiningLicenseTagger(teacher).tagWithSecondTeacher(List.of(SEEDS), unknown).commercialUse())
                .isNull();
    }
}
