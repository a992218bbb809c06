package dev.instructgen.method.invert;

import dev.instructgen.text.ReasoningBlocks;

import java.util.regex.Pattern;

/**
 * What the teacher answered to an inversion prompt: the inverse instruction, or SKIP when the inversion makes no
 * sense (an opinion, a greeting, an output that does not determine its input). Labels a chat model adds anyway
 * ("Instruction:", quotes, a code fence) are taken off, so they do not end up in the dataset.
 */
public sealed interface InversionReply {

    record Skip(String why) implements InversionReply {
    }

    record Inverted(String instruction) implements InversionReply {
    }

    record Empty() implements InversionReply {
    }

    Pattern LABEL = Pattern.compile("^(?:new |inverse |inverted )?instruction\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    Pattern SKIP = Pattern.compile("^\\W*skip\\b\\W*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static InversionReply parse(String reply) {
        String text = ReasoningBlocks.strip(reply).strip();
        if (text.startsWith("```")) {
            text = text.replaceAll("^```\\w*\\s*|\\s*```$", "").strip();
        }
        var skip = SKIP.matcher(text);
        if (skip.matches()) {
            return new Skip(skip.group(1).strip());
        }
        text = LABEL.matcher(text).replaceFirst("").strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.isEmpty() ? new Empty() : new Inverted(text);
    }

}
