package dev.instructgen.text.overlap;

/**
 * Why a text counts as contaminated by a benchmark item: a shared run of words ({@code sharedWords}, the words
 * themselves) or a ROUGE-L F1 over the threshold ({@code rougeL}).
 */
public record Contamination(BenchmarkItem item, Kind kind, String sharedWords, double rougeL) {

    public enum Kind { NGRAM, ROUGE_L }

    /** One line for rejected.jsonl: which file and line, and the evidence. */
    public String detail() {
        return switch (kind) {
            case NGRAM -> "shares \"" + sharedWords + "\" with benchmark item " + item.where();
            case ROUGE_L -> String.format(java.util.Locale.ROOT, "ROUGE-L %.3f with benchmark item %s", rougeL,
                    item.where());
        };
    }
}
