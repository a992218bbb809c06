package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per propagation rule of docs/licensing.md. */
class PropagationRulesTest {

    private static final TeacherTerms PERMISSIVE_TEACHER = teacher("apache-2.0", true, List.of("attribution"));
    private static final TeacherTerms OPENAI = TeacherTermsPolicy.loadDefault().termsFor("gpt-4o-mini");

    private static TeacherTerms teacher(String id, Boolean commercial, List<String> restrictions) {
        return new TeacherTerms("some-model:7b", "Some family", id, "Terms " + id, "https://terms.test/" + id,
                commercial, restrictions, null, LocalDate.of(2026, 1, 1), null);
    }

    private static LicenseInfo tag(TeacherTerms teacher, SeedSource... seeds) {
        return new CombiningLicenseTagger(teacher).tag(List.of(seeds));
    }

    @Test
    void listsEverySeedSourceAndTheTeacher() {
        LicenseInfo info = tag(OPENAI, new SeedSource("seed_tasks.jsonl", "Apache-2.0"),
                new SeedSource("dolly.jsonl", "CC-BY-SA-3.0"));

        assertThat(info.sources()).containsExactly(
                LicenseInfo.Source.seed("dolly.jsonl", "CC-BY-SA-3.0"),
                LicenseInfo.Source.seed("seed_tasks.jsonl", "Apache-2.0"),
                OPENAI.toSource());
        assertThat(info.sources().get(2).kind()).isEqualTo("teacher");
        assertThat(info.sources().get(2).model()).isEqualTo("gpt-4o-mini");
        assertThat(info.sources().get(2).terms()).isEqualTo("OpenAI Terms of Use / Services Agreement");
    }

    @Test
    void aSingleSeedLicenseIsTheExamplesLicense() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.license()).isEqualTo("Apache-2.0");
        assertThat(info.commercialUse()).isTrue();
    }

    @Test
    void shareAlikePropagatesToTheExample() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("dolly.jsonl", "CC-BY-SA-3.0"),
                new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.license()).isEqualTo("CC-BY-SA-3.0 AND Apache-2.0");
        assertThat(info.restrictions()).contains("share-alike");
    }

    @Test
    void severalLicensesCombineWithAndStrongestFirst() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("a.jsonl", "MIT"),
                new SeedSource("b.jsonl", "CC-BY-NC-4.0"), new SeedSource("c.jsonl", "CC-BY-SA-4.0"));

        assertThat(info.license()).isEqualTo("CC-BY-SA-4.0 AND CC-BY-NC-4.0 AND MIT");
    }

    @Test
    void publicDomainDedicationsAddNothingToACombination() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("a.jsonl", "CC0-1.0"),
                new SeedSource("b.jsonl", "CC-BY-4.0"));
        LicenseInfo alone = tag(PERMISSIVE_TEACHER, new SeedSource("a.jsonl", "CC0-1.0"));

        assertThat(info.license()).isEqualTo("CC-BY-4.0");
        assertThat(alone.license()).isEqualTo("CC0-1.0");
    }

    @Test
    void nonCommercialPropagatesAndForbidsCommercialUse() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("alpaca_data.json", "CC-BY-NC-4.0"),
                new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.restrictions()).contains("non-commercial");
        assertThat(info.commercialUse()).isFalse();
    }

    @Test
    void aTeacherThatForbidsCommercialUseMakesTheExampleNonCommercial() {
        LicenseInfo info = tag(teacher("mistral-research", false, List.of()),
                new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.commercialUse()).isFalse();
        assertThat(info.restrictions()).contains("non-commercial");
    }

    @Test
    void attributionAccumulatesOverSources() {
        LicenseInfo info = tag(teacher("llama", true, List.of("attribution", "naming")),
                new SeedSource("a.jsonl", "CC-BY-4.0"), new SeedSource("b.jsonl", "MIT"));

        assertThat(info.restrictions()).contains("attribution", "naming");
        assertThat(info.sources()).extracting(LicenseInfo.Source::license).contains("CC-BY-4.0", "MIT");
    }

    @Test
    void noDerivativesIsFlagged() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("a.jsonl", "CC-BY-NC-ND-4.0"));

        assertThat(info.restrictions()).contains("no-derivatives", "non-commercial");
    }

    @Test
    void teacherRestrictionsAreCarried() {
        LicenseInfo info = tag(OPENAI, new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.restrictions()).contains("no-competing-models", "acceptable-use-policy");
        assertThat(info.commercialUse()).isTrue();
    }

    @Test
    void commercialUseIsUnknownWhenASeedLicenseIsUnknownAndNoneForbids() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("mystery.jsonl", null),
                new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.commercialUse()).isNull();
        assertThat(info.license()).isEqualTo("Apache-2.0 AND LicenseRef-unknown");
    }

    @Test
    void commercialUseIsUnknownWhenTheTeacherTermsAreUnknown() {
        TeacherTerms unknown = TeacherTermsPolicy.loadDefault().termsFor("brand-new-model");
        LicenseInfo info = tag(unknown, new SeedSource("seed_tasks.jsonl", "Apache-2.0"));

        assertThat(info.commercialUse()).isNull();
        assertThat(info.sources().get(1).terms()).isEqualTo("unknown");
    }

    @Test
    void forbiddingBeatsUnknown() {
        LicenseInfo info = tag(teacher("unknown", null, List.of()),
                new SeedSource("alpaca_data.json", "CC-BY-NC-4.0"));

        assertThat(info.commercialUse()).isFalse();
    }

    @Test
    void licenseRefSeedsKeepTheirIdButLeaveCommercialUseOpen() {
        LicenseInfo info = tag(PERMISSIVE_TEACHER, new SeedSource("inhouse.jsonl", "LicenseRef-Acme-Internal"));

        assertThat(info.license()).isEqualTo("LicenseRef-Acme-Internal");
        assertThat(info.commercialUse()).isNull();
    }

    @Test
    void nothingKnownAboutTheSeedsIsNoAssertion() {
        assertThat(tag(PERMISSIVE_TEACHER, new SeedSource("mystery.jsonl", null)).license()).isEqualTo("NOASSERTION");
        assertThat(tag(PERMISSIVE_TEACHER).license()).isEqualTo("NOASSERTION");
    }

    @Test
    void differentShareAlikeLicensesAreFlaggedAsAConflict() {
        LicenseInfo conflict = tag(PERMISSIVE_TEACHER, new SeedSource("a.jsonl", "CC-BY-SA-4.0"),
                new SeedSource("b.jsonl", "GPL-3.0-only"));
        LicenseInfo sameFamily = tag(PERMISSIVE_TEACHER, new SeedSource("a.jsonl", "CC-BY-SA-3.0"),
                new SeedSource("b.jsonl", "CC-BY-SA-4.0"));

        assertThat(conflict.restrictions()).contains("share-alike-conflict");
        assertThat(sameFamily.restrictions()).doesNotContain("share-alike-conflict");
    }

    @Test
    void theResultDoesNotDependOnTheOrderOrRepetitionOfSources() {
        CombiningLicenseTagger tagger = new CombiningLicenseTagger(OPENAI);
        SeedSource a = new SeedSource("a.jsonl", "MIT");
        SeedSource b = new SeedSource("b.jsonl", "CC-BY-SA-4.0");

        assertThat(tagger.tag(List.of(a, b, a))).isEqualTo(tagger.tag(Set.of(b, a)));
    }

    @Test
    void memoisedResultsAreSharedForTheSameCombination() {
        CombiningLicenseTagger tagger = new CombiningLicenseTagger(OPENAI);
        SeedSource a = new SeedSource("a.jsonl", "MIT");

        LicenseInfo first = tagger.tag(List.of(a));
        assertThat(tagger.tag(List.of(a))).isSameAs(first);
    }

    @Test
    void aGeneratedParentPassesOnItsWholeBlock() {
        TeacherTerms llama3 = TeacherTermsPolicy.loadDefault().termsFor("llama3:8b");
        LicenseInfo parent = tag(llama3, new SeedSource("dolly.jsonl", "CC-BY-SA-3.0"));

        LicenseInfo evolved = new CombiningLicenseTagger(PERMISSIVE_TEACHER).tag(List.of(), List.of(parent));

        assertThat(evolved.license()).isEqualTo("CC-BY-SA-3.0");
        assertThat(evolved.restrictions()).contains("share-alike", "no-improving-other-llms", "naming");
        assertThat(evolved.sources()).containsExactly(
                LicenseInfo.Source.seed("dolly.jsonl", "CC-BY-SA-3.0"),
                llama3.toSource(),
                PERMISSIVE_TEACHER.toSource());
    }

    @Test
    void anInheritedForbiddingAnswerStaysForbidding() {
        LicenseInfo parent = tag(teacher("research-only", false, List.of("non-commercial")),
                new SeedSource("seeds.jsonl", "MIT"));

        LicenseInfo evolved = new CombiningLicenseTagger(PERMISSIVE_TEACHER)
                .tag(List.of(new SeedSource("seeds.jsonl", "MIT")), List.of(parent));

        assertThat(evolved.commercialUse()).isFalse();
        assertThat(evolved.restrictions()).contains("non-commercial");
    }
}
