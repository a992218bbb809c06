package dev.instructgen.filter.evol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A stop-word list: function words that carry no content on their own. The English list ships as data
 * ({@code filter/evol/stopwords-en.txt}, one word a line, {@code #} starts a comment) so it can be read and
 * reviewed without reading code.
 */
public final class StopWords {

    private static final String ENGLISH = "/filter/evol/stopwords-en.txt";
    private static volatile StopWords english;

    private final Set<String> words;

    public StopWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    public static StopWords english() {
        StopWords s = english;
        if (s == null) {
            s = load(ENGLISH);
            english = s;
        }
        return s;
    }

    public boolean contains(String lowercaseWord) {
        return words.contains(lowercaseWord);
    }

    public int size() {
        return words.size();
    }

    private static StopWords load(String resource) {
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("stop-word list " + resource + " is missing from the build");
            }
            Set<String> words = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
            return new StopWords(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stop-word list " + resource, e);
        }
    }
}
