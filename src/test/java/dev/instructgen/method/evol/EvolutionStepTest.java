package dev.instructgen.method.evol;

import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class EvolutionStepTest {

    private static final String PARENT = "Explain why the sky is blue.";
    private static final String CHILD = "Explain why the sky is blue, using the word Rayleigh at least twice and "
            + "one everyday analogy a child would grasp.";
    private static final String ANSWER = "Sunlight scatters off air molecules; blue light scatters most.";

    private final Lineage lineage = Lineage.root("t1", PARENT, new SeedSource("seeds", "CC0-1.0"), null);
    private final EvolutionStats stats = new EvolutionStats();

    private static EvolSettings settings(boolean judge) {
        return settings(judge, null);
    }

    private static EvolSettings settings(boolean judge, Double rougeThreshold) {
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        return new EvolSettings(4, OperationWeights.uniform(), 1, s, s, judge, rougeThreshold, null, false);
    }

    private static NoveltyIndex unusedPool() {
        return NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
    }

    private static Function<TeacherRequest, TeacherReply> script(String rewrite, String judge, String answer) {
        return r -> ScriptedTeacher.brief(switch (r.stage()) {
            case EvolutionStep.STAGE_JUDGE -> judge;
            case EvolutionStep.STAGE_RESPONSE -> answer;
            default -> rewrite;
        });
    }

    private Attempt attempt(ScriptedTeacher teacher, boolean judge, NoveltyIndex novelty) {
        EvolSettings settings = novelty == null ? settings(judge) : settings(judge, novelty.threshold());
        return new EvolutionStep(teacher, new TaggedPrompts(), settings,
                EvolFilters.of(settings, novelty == null ? unusedPool() : novelty), stats)
                .attempt(lineage, 1, EvolOperation.ADD_CONSTRAINTS);
    }

    private static Attempt.Eliminated eliminated(Attempt a) {
        assertThat(a).isInstanceOf(Attempt.Eliminated.class);
        return (Attempt.Eliminated) a;
    }

    @Test
    void acceptsAnEvolutionThatPassesEveryRuleAndRecordsPromptsAndTokens() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Not Equal", ANSWER));
        Attempt a = attempt(teacher, true, null);
        assertThat(a).isInstanceOf(Attempt.Evolved.class);
        Attempt.Evolved e = (Attempt.Evolved) a;
        assertThat(e.instruction()).isEqualTo(CHILD);
        assertThat(e.response()).isEqualTo(ANSWER);
        assertThat(e.prompts()).containsOnlyKeys("evolve", "judge", "response");
        assertThat(e.prompts().get("evolve")).isEqualTo("evol/add-constraints.txt@000000000000");
        assertThat(e.usage()).isEqualTo(new TokenUsage(30, 15));
        assertThat(teacher.requests()).extracting(TeacherRequest::stage)
                .containsExactly("evol-add-constraints", "evol-judge", "evol-response");
    }

    @ParameterizedTest
    @EnumSource(EvolOperation.class)
    void eachOperationSendsItsOwnTemplateWithTheParentInstruction(EvolOperation op) {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Not Equal", ANSWER));
        new EvolutionStep(teacher, new TaggedPrompts(), settings(true), EvolFilters.of(settings(true), unusedPool()),
                stats).attempt(lineage, 2, op);
        String prompt = ScriptedTeacher.prompt(teacher.requests().get(0));
        assertThat(prompt).startsWith(op.templateFile());
        assertThat(TaggedPrompts.variable(prompt, "instruction")).isEqualTo(PARENT);
        assertThat(teacher.requests().get(0).stage()).isEqualTo("evol-" + op.key());
    }

    @Test
    void eliminatesAPromptLeakBeforeAskingTheJudge() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script("Make the #Given Prompt# harder: " + CHILD,
                "Not Equal", ANSWER));
        Attempt.Eliminated e = eliminated(attempt(teacher, true, null));
        assertThat(e.reason().code()).isEqualTo("prompt_leak");
        assertThat(teacher.requests()).hasSize(1);
    }

    @Test
    void stripsALeadingLabelCountsItAndAcceptsTheCleanBody() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script("#Rewritten Prompt#: " + CHILD, "Not Equal", ANSWER));
        Attempt a = attempt(teacher, true, null);
        assertThat(((Attempt.Evolved) a).instruction()).isEqualTo(CHILD);
        assertThat(stats.snapshot().labelsStripped()).isEqualTo(1);
    }

    @Test
    void eliminatesARewriteIdenticalToItsParentWithoutPayingForTheJudge() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script("explain why the SKY is blue", "Not Equal", ANSWER));
        Attempt.Eliminated e = eliminated(attempt(teacher, true, null));
        assertThat(e.reason().code()).isEqualTo("no_information_gain");
        assertThat(e.detail()).isEqualTo("identical to parent");
        assertThat(teacher.requests()).hasSize(1);
    }

    @Test
    void eliminatesWhatTheJudgeCallsEqualWithoutAskingForAnAnswer() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Equal", ANSWER));
        Attempt.Eliminated e = eliminated(attempt(teacher, true, null));
        assertThat(e.reason().code()).isEqualTo("no_information_gain");
        assertThat(e.detail()).isEqualTo("judge: Equal");
        String judgePrompt = ScriptedTeacher.prompt(teacher.requests().get(1));
        assertThat(TaggedPrompts.variable(judgePrompt, "parent")).isEqualTo(PARENT);
        assertThat(TaggedPrompts.variable(judgePrompt, "child")).isEqualTo(CHILD);
        assertThat(teacher.requests()).hasSize(2);
    }

    @Test
    void withoutTheJudgeAnEqualVerdictIsNeverAskedFor() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Equal", ANSWER));
        assertThat(attempt(teacher, false, null)).isInstanceOf(Attempt.Evolved.class);
        assertThat(teacher.requests()).extracting(TeacherRequest::stage).doesNotContain("evol-judge");
    }

    @Test
    void anUnreadableJudgementDoesNotEliminateButIsCounted() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "I think so", ANSWER));
        assertThat(attempt(teacher, true, null)).isInstanceOf(Attempt.Evolved.class);
        assertThat(stats.snapshot().judgeUnclear()).isEqualTo(1);
    }

    @Test
    void eliminatesAShortApologyAndKeepsTheResponseForTheRecord() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Not Equal", "Sorry, I can't do that."));
        Attempt.Eliminated e = eliminated(attempt(teacher, true, null));
        assertThat(e.reason().code()).isEqualTo("response_apology");
        assertThat(e.response()).isEqualTo("Sorry, I can't do that.");
        assertThat(e.instruction()).isEqualTo(CHILD);
    }

    @Test
    void eliminatesAResponseOfOnlyStopWords() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Not Equal", "It is what it is."));
        assertThat(eliminated(attempt(teacher, true, null)).reason().code()).isEqualTo("response_stopwords_only");
    }

    @Test
    void eliminatesCutOffRewritesAndAnswers() {
        ScriptedTeacher cutRewrite = ScriptedTeacher.answering(r -> r.stage().equals("evol-add-constraints")
                ? ScriptedTeacher.briefCutOff(CHILD) : ScriptedTeacher.brief("Not Equal"));
        assertThat(eliminated(attempt(cutRewrite, true, null)).reason().code()).isEqualTo("evolution_cut_off");
        ScriptedTeacher cutAnswer = ScriptedTeacher.answering(r -> r.stage().equals("evol-response")
                ? ScriptedTeacher.briefCutOff(ANSWER) : script(CHILD, "Not Equal", ANSWER).apply(r));
        assertThat(eliminated(attempt(cutAnswer, true, null)).reason().code()).isEqualTo("response_cut_off");
    }

    @Test
    void eliminatesAnEmptyRewrite() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script("#Rewritten Prompt#:", "Not Equal", ANSWER));
        assertThat(eliminated(attempt(teacher, true, null)).reason().code()).isEqualTo("empty_evolution");
    }

    @Test
    void noveltyIgnoresTheLineagesOwnAncestorsButNotOtherInstructions() {
        NoveltyIndex novelty = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
        novelty.add("t1", PARENT);
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Not Equal", ANSWER));
        Attempt a = attempt(teacher, true, novelty);
        assertThat(a).isInstanceOf(Attempt.Evolved.class);
        assertThat(((Attempt.Evolved) a).novelty().score()).isZero();

        NoveltyIndex crowded = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
        crowded.add("other.r1", CHILD + " Please.");
        Attempt.Eliminated e = eliminated(attempt(ScriptedTeacher.answering(script(CHILD, "Not Equal", ANSWER)), true,
                crowded));
        assertThat(e.reason().code()).isEqualTo("too_similar");
        assertThat(e.detail()).contains("other.r1");
    }

    @Test
    void eliminatesADegenerateRewriteAsTooShort() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(" or ", "Not Equal", ANSWER));

        assertThat(eliminated(attempt(teacher, true, null)).reason().code()).isEqualTo("too_short");
        assertThat(teacher.requests()).hasSize(1);
    }

    @Test
    void stripsReasoningFromTheRewriteTheVerdictAndTheAnswer() {
        String think = "<think>Let me think about it.\nGiven prompt notes.</think>\n";
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(think + CHILD, think + "Not Equal", think + ANSWER));

        Attempt.Evolved e = (Attempt.Evolved) attempt(teacher, true, null);

        assertThat(e.instruction()).isEqualTo(CHILD);
        assertThat(e.response()).isEqualTo(ANSWER);
        assertThat(stats.snapshot().judgeUnclear()).isZero();
    }

    @Test
    void warnsOnceWhenMoreThanFivePercentOfTheVerdictsCannotBeRead() {
        List<String> warnings = new java.util.ArrayList<>();
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Hmm, hard to say", ANSWER));
        EvolutionStep step = new EvolutionStep(teacher, new TaggedPrompts(), settings(true),
                EvolFilters.of(settings(true), unusedPool()), stats, warnings::add);

        for (int i = 0; i < 30; i++) {
            step.attempt(lineage, 1, EvolOperation.ADD_CONSTRAINTS);
        }

        assertThat(warnings).containsExactly(EvolutionStep.JUDGE_UNREADABLE);
        assertThat(stats.snapshot().judgeUnclear()).isEqualTo(30);
        assertThat(stats.snapshot().judged()).isEqualTo(30);
    }

    @Test
    void sendsTheJudgeTheConfiguredTokenLimit() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(script(CHILD, "Not Equal", ANSWER));
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        EvolSettings withJudge = new EvolSettings(4, OperationWeights.uniform(), 1, s, s, true, null, null, false,
                new Sampling(0.0, null, 600, null, List.of()));

        new EvolutionStep(teacher, new TaggedPrompts(), withJudge, EvolFilters.of(withJudge, unusedPool()), stats)
                .attempt(lineage, 1, EvolOperation.ADD_CONSTRAINTS);

        assertThat(teacher.requests().get(1).sampling().maxTokens()).isEqualTo(600);
        assertThat((java.util.Map<String, ?>) withJudge.manifestSettings().get("sampling")).containsKey("judge");
        // the default is left out of the manifest, so runs from before the option still resume
        assertThat((java.util.Map<String, ?>) settings(true).manifestSettings().get("sampling"))
                .containsOnlyKeys("evolve", "response");
    }
}
