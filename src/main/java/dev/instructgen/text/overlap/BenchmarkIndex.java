package dev.instructgen.text.overlap;

import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.RougeLIndex;
import dev.instructgen.text.RougeScoreTokenizer;
import dev.instructgen.text.Similarity;
import dev.instructgen.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Benchmark decontamination: generated data that reproduces evaluation items poisons the evaluation users run
 * next. A text is contaminated by an item when they share a run of {@code n} words (GPT-3, Brown et al. 2020,
 * appendix C: 13-grams), or when its ROUGE-L F1 against the item exceeds a threshold (catches light edits that
 * break every long n-gram).
 *
 * <p>Words are those of the rouge_score tokenizer (lowercase, runs of [a-z0-9]), so case and punctuation do not
 * hide a copy. An item shorter than {@code n} words is matched as a whole run of its own length, but only from
 * {@link #MIN_RUN} words up: shorter items ("Paris", "yes") would match everywhere and are left to ROUGE-L.
 * N-grams are 64-bit fingerprints (a collision is astronomically unlikely at any benchmark size).
 *
 * <p>Build with {@link #add}, then {@link #check} from any number of threads.
 */
public final class BenchmarkIndex {

    public static final int DEFAULT_NGRAM = 13;
    public static final double DEFAULT_ROUGE_THRESHOLD = 0.8;
    /** Items shorter than this are not matched by n-grams (too many false hits), only by ROUGE-L. */
    public static final int MIN_RUN = 8;

    private final Tokenizer tokenizer = new RougeScoreTokenizer();
    private final int n;
    private final NgramTable table = new NgramTable();
    private final TreeSet<Integer> runLengths = new TreeSet<>();
    private final List<BenchmarkItem> items = new ArrayList<>();
    private final NoveltyIndex rouge;

    public BenchmarkIndex(int n, double rougeThreshold) {
        if (n < 1) {
            throw new IllegalArgumentException("the n-gram length must be at least 1, was " + n);
        }
        this.n = n;
        this.rouge = new RougeLIndex(tokenizer, rougeThreshold);
    }

    public synchronized void add(BenchmarkItem item) {
        int ordinal = items.size();
        items.add(item);
        List<String> words = tokenizer.tokenize(item.text());
        int run = Math.min(n, words.size());
        if (run >= Math.min(n, MIN_RUN)) {
            long[] tokenHashes = hashes(words);
            for (int start = 0; start + run <= words.size(); start++) {
                table.put(fingerprint(tokenHashes, start, run), ordinal);
            }
            runLengths.add(run);
        }
        rouge.add(Integer.toString(ordinal), item.text());
    }

    /** The first benchmark item {@code text} reproduces, or empty when it is clean. */
    public Optional<Contamination> check(String text) {
        List<String> words = tokenizer.tokenize(text);
        long[] tokenHashes = hashes(words);
        for (int run : runLengths) {
            for (int start = 0; start + run <= words.size(); start++) {
                int item = table.find(fingerprint(tokenHashes, start, run));
                if (item >= 0) {
                    String shared = String.join(" ", words.subList(start, start + run));
                    return Optional.of(new Contamination(items.get(item), Contamination.Kind.NGRAM, shared, 0));
                }
            }
        }
        if (!rouge.isNovel(text)) {
            Similarity s = rouge.nearest(text);
            BenchmarkItem item = items.get(Integer.parseInt(s.mostSimilarId()));
            return Optional.of(new Contamination(item, Contamination.Kind.ROUGE_L, null, s.score()));
        }
        return Optional.empty();
    }

    public int size() {
        return items.size();
    }

    public int ngram() {
        return n;
    }

    private static long[] hashes(List<String> words) {
        long[] h = new long[words.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = mix(words.get(i).hashCode() * 0x9E3779B97F4A7C15L + words.get(i).length());
        }
        return h;
    }

    /** Order-sensitive fingerprint of words[start, start+length), with the length folded in. */
    private static long fingerprint(long[] tokenHashes, int start, int length) {
        long h = 0x243F6A8885A308D3L ^ length;
        for (int i = start; i < start + length; i++) {
            h = mix(h * 31 + tokenHashes[i]);
        }
        return h;
    }

    /** The finaliser of SplitMix64: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
