package dev.instructgen.text.overlap;

/** One evaluation item a generated example must not reproduce: where it came from and its text. */
public record BenchmarkItem(String file, long line, String text) {

    /** "mmlu.jsonl:42": how a rejection names the item. */
    public String where() {
        return file + ":" + line;
    }
}
