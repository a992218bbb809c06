package dev.instructgen.method.alpaca;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TripleParserTest {

    private final TripleParser parser = new TripleParser(20);

    @Test
    void readsTheShippedLayoutWithMultiLineOutputsAndNoInput() {
        String reply = """
                Task 1
                Instruction: List three prime numbers.
                Input: <noinput>
                Output: 2, 3 and 5.

                Task 2
                Instruction: Turn the sentence into the passive voice.
                Input: The cat chased the mouse.
                Output: The mouse was chased
                by the cat.""";

        var triples = parser.parse(reply);

        assertThat(triples).containsExactly(
                new Triple("List three prime numbers.", "", "2, 3 and 5."),
                new Triple("Turn the sentence into the passive voice.", "The cat chased the mouse.",
                        "The mouse was chased\nby the cat."));
    }

    @Test
    void toleratesTheDressingOfChatModels() {
        String reply = """
                Sure! Here are the tasks you asked for:

                ```
                ### Task 1
                **Instruction:** Name a famous painter.
                **Input:** None
                **Output:** Frida Kahlo.
                ---
                4. Instruction: Summarize the text in one sentence.
                4. Input: Bees pollinate many of the crops people eat.
                4. Output: Bees matter for food.
                ```

                Let me know if you would like more!""";

        var triples = parser.parse(reply);

        assertThat(triples).containsExactly(
                new Triple("Name a famous painter.", "", "Frida Kahlo."),
                new Triple("Summarize the text in one sentence.", "Bees pollinate many of the crops people eat.",
                        "Bees matter for food."));
    }

    @Test
    void setsTheLastTripleApartWhenTheReplyWasCutOff() {
        String reply = """
                Task 1
                Instruction: Give a synonym of happy.
                Input: <noinput>
                Output: Glad.

                Task 2
                Instruction: Explain why the sea is""";

        TripleParser.Reply read = parser.read(reply, true);

        assertThat(read.triples()).containsExactly(new Triple("Give a synonym of happy.", "", "Glad."));
        assertThat(read.cutOff().instruction()).isEqualTo("Explain why the sea is");
    }

    @Test
    void keepsNoMoreTriplesThanAskedFor() {
        StringBuilder reply = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            reply.append("Instruction: Task number ").append(i).append(" here.\nOutput: ok\n");
        }

        TripleParser.Reply read = new TripleParser(3).read(reply.toString(), false);

        assertThat(read.triples()).hasSize(3);
        assertThat(read.extra()).isEqualTo(2);
    }

    @Test
    void ignoresReasoningBlocksOnceStripped() {
        String reply = dev.instructgen.text.ReasoningBlocks.strip("<think>Instruction: not a task</think>\n"
                + "Instruction: Name a river in Asia.\nInput: <noinput>\nOutput: The Mekong.");

        assertThat(parser.parse(reply)).containsExactly(new Triple("Name a river in Asia.", "", "The Mekong."));
    }
}
