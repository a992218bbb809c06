package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.SeedTask;

import java.util.List;
import java.util.Objects;

/**
 * What one conversation is about: a seed question (an instruction of any supported dataset, with its input when
 * it has one) or a line of a --topics file.
 *
 * @param id   the seed's id, or "FILE-LINE" for a topics line; conversations name it in provenance.parents
 * @param text what the transcript prompt shows as the topic
 */
public record Topic(String id, String text) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    /** The topic of a seed task: its instruction, and the input of its first instance when there is one. */
    public static Topic of(SeedTask seed) {
        String input = seed.instances().isEmpty() ? "" : seed.instances().get(0).input().strip();
        String text = seed.instruction().strip();
        return new Topic(seed.id(), input.isEmpty() ? text : text + "\n\n" + input);
    }

    /** The same topics as seed tasks without instances, for the license resolver and the seed-source table. */
    static SeedTask asSeedTask(Topic topic, int line) {
        return new SeedTask(topic.id(), topic.text(), List.of(), false, null, line);
    }
}
