package dev.instructgen.replies;

import dev.instructgen.method.evol.EqualityAnswer;
import dev.instructgen.method.evol.EvolvedInstruction;
import dev.instructgen.method.selfinstruct.ClassificationAnswerParser;
import dev.instructgen.method.selfinstruct.InstanceParser;
import dev.instructgen.method.selfinstruct.InstructionListParser;
import dev.instructgen.text.ReasoningBlocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every parser reads the same content from the dressed and the plain form of each reply in the corpus. */
class ReplyCorpusTest {

    static List<ReplyCorpus.Case> instructionLists() {
        return ReplyCorpus.instructionLists();
    }

    static List<ReplyCorpus.Case> classificationAnswers() {
        return ReplyCorpus.classificationAnswers();
    }

    static List<ReplyCorpus.Case> inputFirstInstances() {
        return ReplyCorpus.inputFirstInstances();
    }

    static List<ReplyCorpus.Case> outputFirstInstances() {
        return ReplyCorpus.outputFirstInstances();
    }

    static List<ReplyCorpus.Case> rewrites() {
        return ReplyCorpus.rewrites();
    }

    static List<ReplyCorpus.Case> verdicts() {
        return ReplyCorpus.verdicts();
    }

    private final InstructionListParser lists = new InstructionListParser();
    private final InstanceParser instances = new InstanceParser();

    @ParameterizedTest(name = "{0}")
    @MethodSource("instructionLists")
    void instructionListsReadTheSameSevenInstructions(ReplyCorpus.Case c) {
        List<String> plain = lists.read(ReasoningBlocks.strip(c.plain()), false).instructions();

        assertThat(plain).hasSize(7);
        assertThat(lists.read(ReasoningBlocks.strip(c.dressed()), false).instructions()).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classificationAnswers")
    void classificationAnswersReadTheSame(ReplyCorpus.Case c) {
        ClassificationAnswerParser parser = new ClassificationAnswerParser();

        assertThat(parser.parse(ReasoningBlocks.strip(c.dressed())))
                .isPresent().isEqualTo(parser.parse(c.plain()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputFirstInstances")
    void inputFirstInstancesReadTheSame(ReplyCorpus.Case c) {
        var plain = instances.inputFirst(c.plain());

        assertThat(plain).isNotEmpty();
        assertThat(instances.inputFirst(ReasoningBlocks.strip(c.dressed()))).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputFirstInstances")
    void outputFirstInstancesReadTheSame(ReplyCorpus.Case c) {
        var plain = instances.outputFirst(c.plain());

        assertThat(plain).hasSize(2);
        assertThat(instances.outputFirst(ReasoningBlocks.strip(c.dressed()))).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void rewritesReadTheSameInstruction(ReplyCorpus.Case c) {
        assertThat(EvolvedInstruction.parse(c.dressed()).text()).isEqualTo(EvolvedInstruction.parse(c.plain()).text())
                .isEqualTo(c.plain());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictsReadTheSame(ReplyCorpus.Case c) {
        assertThat(EqualityAnswer.parse(c.dressed())).isEqualTo(EqualityAnswer.parse(c.plain()))
                .isNotEqualTo(EqualityAnswer.UNCLEAR);
    }
}
