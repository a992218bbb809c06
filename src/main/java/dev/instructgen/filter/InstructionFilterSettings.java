package dev.instructgen.filter;

import java.util.List;

/**
 * Settings of the heuristic instruction filters.
 *
 * @param minWords  fewest whitespace-separated words an instruction may have
 * @param maxWords  most words an instruction may have
 * @param blacklist words and phrases, matched case-insensitively on word boundaries, that name things a text-only
 *                  model cannot see or produce
 */
public record InstructionFilterSettings(int minWords, int maxWords, List<String> blacklist) {

    /**
     * Self-Instruct's reference code keeps instructions of more than 3 and at most 150 words; we accept 3-word
     * instructions too, as its own seed set has some ("Explain human's behavior.", "Complete the lyrics."). The blacklist is
     * Self-Instruct's (image(s), graph(s), picture(s), file(s), map(s), draw, plot, go to) plus the words Alpaca's
     * generate_instruction.py added (video, audio, music, flowchart, diagram).
     */
    public static final List<String> DEFAULT_BLACKLIST = List.of(
            "image", "images", "graph", "graphs", "picture", "pictures", "file", "files", "map", "maps",
            "draw", "plot", "go to", "video", "audio", "music", "flowchart", "diagram");

    public InstructionFilterSettings {
        if (minWords < 0) {
            throw new IllegalArgumentException("minWords must be 0 or more, got " + minWords);
        }
        if (maxWords < Math.max(1, minWords)) {
            throw new IllegalArgumentException("maxWords must be at least minWords (" + minWords + ") and 1, got "
                    + maxWords);
        }
        blacklist = List.copyOf(blacklist);
        for (String word : blacklist) {
            if (word.isBlank()) {
                throw new IllegalArgumentException("blacklist entries must not be blank");
            }
        }
    }

    public static InstructionFilterSettings defaults() {
        return new InstructionFilterSettings(3, 150, DEFAULT_BLACKLIST);
    }
}
