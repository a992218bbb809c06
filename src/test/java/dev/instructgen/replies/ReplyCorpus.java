package dev.instructgen.replies;

import java.util.List;

/**
 * Realistic teacher replies, written by us in the shapes issue 11 lists, for every stage of both methods: each
 * case pairs the plain reply our prompts ask for with the same content dressed the way chat models send it
 * (reasoning blocks, preambles, markdown numbering, lists past the stop, bold labels, code fences, verbose
 * verdicts, announcements and closing remarks). Every parser must read the same content from both.
 */
public final class ReplyCorpus {

    /** One stage's reply, plainly and dressed. */
    public record Case(String name, String plain, String dressed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ReplyCorpus() {
    }

    public static final String THINK = "<think>\nThe user wants me to follow the format. Let me draft:\n"
            + "1. Maybe this?\nInput: not really\n</think>\n\n";

    public static List<Case> instructionLists() {
        String plain = """
                Name three rivers that flow through more than two countries.
                10. Explain why leaves change colour in autumn.
                11. Write a limerick about a forgetful cat.
                12. Sort the words into nouns and verbs.
                13. Suggest a weekend plan for a family on a small budget.
                14. Convert the recipe below from metric to imperial units.
                15. Describe the water cycle to a ten-year-old.""";
        return List.of(
                new Case("bold numbers, preamble, items past the stop, closing remark", plain, THINK + """
                        Sure! Here are some more tasks:

                        **9.** Name three rivers that flow through more than two countries.
                        **10.** Explain why leaves change colour in autumn.
                        **11.** Write a limerick about a forgetful cat.
                        **12.** Sort the words into nouns and verbs.
                        **13.** Suggest a weekend plan for a family on a small budget.
                        **14.** Convert the recipe below from metric to imperial units.
                        **15.** Describe the water cycle to a ten-year-old.
                        **16.** Plan a birthday party for a dog.
                        **17.** List five uses of baking soda.
                        Let me know if you would like more!"""),
                new Case("parenthesised numbers in a code fence", plain, """
                        Here you go:
                        ```
                        9) Name three rivers that flow through more than two countries.
                        10) Explain why leaves change colour in autumn.
                        11) Write a limerick about a forgetful cat.
                        12) Sort the words into nouns and verbs.
                        13) Suggest a weekend plan for a family on a small budget.
                        14) Convert the recipe below from metric to imperial units.
                        15) Describe the water cycle to a ten-year-old.
                        16) Plan a birthday party for a dog.
                        ```
                        I hope these help."""),
                new Case("a list renumbered from 1 with headings", plain, """
                        ### New tasks
                        1. Name three rivers that flow through more than two countries.
                        2. Explain why leaves change colour in autumn.
                        3. Write a limerick about a forgetful cat.
                        4. Sort the words into nouns and verbs.
                        5. Suggest a weekend plan for a family on a small budget.
                        6. Convert the recipe below from metric to imperial units.
                        7. Describe the water cycle to a ten-year-old.
                        8. Plan a birthday party for a dog.
                        9. List five uses of baking soda.
                        10. Summarise a news article in one line."""));
    }

    public static List<Case> classificationAnswers() {
        return List.of(
                new Case("bold yes", "Yes", THINK + "**Yes**"),
                new Case("labelled no with a full stop", "No", "Classification: No."),
                new Case("sentence", "No", "No, this task asks for free text rather than a label."));
    }

    public static List<Case> inputFirstInstances() {
        String plain = "Example 1\nInput: 25 °C\nOutput: 77 °F\nExample 2\nInput: -10 °C\nOutput: 14 °F";
        return List.of(
                new Case("bold labels, preamble and closing remark", plain, THINK + """
                        Sure! Here are two examples for this task:

                        **Example 1**
                        **Input:** 25 °C
                        **Output:** 77 °F

                        **Example 2:**
                        **Input:** -10 °C
                        **Output:** 14 °F

                        Let me know if you would like more examples!"""),
                new Case("markdown headings in a code fence", plain, """
                        ```
                        ### Example 1
                        Input: 25 °C
                        Output: 77 °F
                        ### Example 2
                        Input: -10 °C
                        Output: 14 °F
                        ```"""),
                new Case("field named after its content", "Example 1\nInput: Sentence: I has a cat.\n"
                        + "Output: I have a cat.", """
                        Here is an example:
                        Example 1
                        Sentence: I has a cat.
                        Output: I have a cat.

                        Feel free to ask for more."""));
    }

    public static List<Case> outputFirstInstances() {
        String plain = "Class label: Spam\nInput: Email: You won a cruise, send your bank details.\n"
                + "Class label: Not spam\nInput: Email: The meeting moved to 3 pm.";
        return List.of(
                new Case("bold labels and a preamble", plain, THINK + """
                        Sure! Here are examples for both labels:

                        **Class label:** Spam
                        **Input:** Email: You won a cruise, send your bank details.
                        **Class label:** Not spam
                        **Input:** Email: The meeting moved to 3 pm.

                        Let me know if you would like more!"""),
                new Case("field named after its content", plain, """
                        Class label: Spam
                        Email: You won a cruise, send your bank details.
                        Class label: Not spam
                        Email: The meeting moved to 3 pm."""));
    }

    /** Rewrites: the plain one is the instruction alone. */
    public static List<Case> rewrites() {
        String plain = "Explain how tides form, in under 100 words, for a ten-year-old reader.";
        return List.of(
                new Case("announcement and parenthetical remark", plain, THINK
                        + "Sure! Here is the rewritten prompt:\n\n" + plain + "\n\n(Added one constraint.)"),
                new Case("heading and closing remark", plain, "#Rewritten Prompt#:\n" + plain
                        + "\nThis version adds a word limit and an audience."),
                new Case("quoted in a code fence after an announcement", plain, "Here's a more demanding version:\n"
                        + "```\n\"" + plain + "\"\n```"),
                new Case("bold label and an offer", plain, "**New instruction:** " + plain
                        + "\n\nLet me know if you want it even harder!"));
    }

    /** Judge verdicts: the plain one is "Equal" or "Not Equal". */
    public static List<Case> verdicts() {
        return List.of(
                new Case("not equal with a full stop", "Not Equal", "Not Equal."),
                new Case("bold not equal", "Not Equal", "**Not Equal**"),
                new Case("not equivalent", "Not Equal", "Not equivalent"),
                new Case("sentence", "Not Equal", "The two requests are not equal."),
                new Case("reasoning first", "Not Equal", THINK + "Not Equal"),
                new Case("reasoning opened by the template", "Equal", "Both ask the same.\n</think>\n\nEqual"),
                new Case("equivalent sentence", "Equal", "They are equivalent."),
                new Case("bold equal with an explanation", "Equal", "**Equal**. Neither adds a different requirement."));
    }
}
