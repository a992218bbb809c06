package dev.instructgen.method.selfchat;

import dev.instructgen.replies.ReplyCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same transcript, plain as the prompt asks for it and dressed as chat models send it, reads as the same
 * conversation with the same stop reason (the reply corpus's rule for every parser).
 */
class DressedTranscriptsTest {

    static final String PLAIN = """
            [User] How do I keep basil alive indoors?
            [Assistant] Give it six hours of sun a day and water when the top of the soil is dry.
            [User] Should I cut it?
            [Assistant] Yes: pinch off the tops above a pair of leaves every week, so it grows bushy.
            [End]""";

    static List<ReplyCorpus.Case> cases() {
        return List.of(
                new ReplyCorpus.Case("reasoning, preamble, bold tags, closing offer", PLAIN, ReplyCorpus.THINK + """
                        Sure! Here's a natural conversation between a user and an AI assistant:

                        **User:** How do I keep basil alive indoors?
                        **Assistant:** Give it six hours of sun a day and water when the top of the soil is dry.
                        **User:** Should I cut it?
                        **Assistant:** Yes: pinch off the tops above a pair of leaves every week, so it grows bushy.

                        **[End]**

                        Let me know if you'd like me to make the conversation longer or change the tone!"""),
                new ReplyCorpus.Case("Baize tags in a code fence", PLAIN, """
                        ```
                        [|Human|] How do I keep basil alive indoors?
                        [|AI|] Give it six hours of sun a day and water when the top of the soil is dry.
                        [|Human|] Should I cut it?
                        [|AI|] Yes: pinch off the tops above a pair of leaves every week, so it grows bushy.
                        ```"""),
                new ReplyCorpus.Case("headings and a note after a rule", PLAIN, """
                        ### User
                        How do I keep basil alive indoors?
                        ### Assistant
                        Give it six hours of sun a day and water when the top of the soil is dry.
                        ### User
                        Should I cut it?
                        ### Assistant
                        Yes: pinch off the tops above a pair of leaves every week, so it grows bushy.

                        ---
                        *Note: the transcript ends here because the user has no more questions.*"""));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aDressedTranscriptReadsAsThePlainOne(ReplyCorpus.Case c) {
        TranscriptParser parser = new TranscriptParser(3);

        Transcript plain = parser.read(c.plain(), false);
        Transcript dressed = parser.read(c.dressed(), false);

        assertThat(plain.exchanges()).isEqualTo(2);
        assertThat(dressed.messages()).isEqualTo(plain.messages());
        assertThat(dressed.stop()).isEqualTo(StopReason.MODEL_ENDED);
    }
}
