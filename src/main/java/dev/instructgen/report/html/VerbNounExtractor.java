package dev.instructgen.report.html;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The root verb of an instruction and its direct-object noun, for the Self-Instruct paper's diversity figure
 * (Wang et al. 2023, Sec. 4.2 and Fig. 3: "the verb closest to the root of the parse tree, and its first direct
 * noun object"). The paper parses with the Berkeley Neural Parser; here a shallow parse stands in for it:
 * Apache OpenNLP's English maxent POS tagger (the 1.5 model), taking the first verb in base form (an
 * imperative, so "Given a list, sort it" yields "sort", not "given") and the head noun of the noun phrase
 * right after it. The 1.5 chunker model would find that noun phrase too, but it costs about eight times the
 * tagger per sentence here, and a noun phrase right after a verb is simple enough to read off the tags.
 *
 * <p>Only the first clause is read (up to {@link #MAX_TOKENS} tokens): the root verb of an instruction is
 * nearly always there, and it keeps a 50,000-example report within seconds. Not thread-safe; the models are,
 * so make one extractor per thread from one {@link Models}.
 */
final class VerbNounExtractor {

    static final int MAX_TOKENS = 20;

    private final POSTaggerME tagger;

    VerbNounExtractor(Models models) {
        this.tagger = new POSTaggerME(models.pos, POSTagFormat.PENN);
    }

    /** A verb and its object noun, both lower case. */
    record VerbNoun(String verb, String noun) {
    }

    /** The shipped POS model, loaded once (about 6 MB). */
    static final class Models {
        final POSModel pos;

        Models() {
            try (InputStream pos = resource("/en-pos-maxent.bin")) {
                this.pos = new POSModel(pos);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the OpenNLP English models", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = VerbNounExtractor.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path "
                        + "(edu.washington.cs.knowitall:opennlp-postag-models)");
            }
            return in;
        }
    }

    Optional<VerbNoun> extract(String instruction) {
        String[] tokens = firstClause(instruction);
        if (tokens.length == 0) {
            return Optional.empty();
        }
        String[] tags = tagger.tag(tokens);
        int verbAt = rootVerb(tags);
        if (verbAt < 0) {
            return Optional.empty();
        }
        return Optional.of(new VerbNoun(tokens[verbAt].toLowerCase(Locale.ROOT), objectNoun(tokens, tags, verbAt)));
    }

    /** The first base-form verb (an imperative); else the first verb of any form. */
    private static int rootVerb(String[] tags) {
        int firstAny = -1;
        for (int i = 0; i < tags.length; i++) {
            if (tags[i].equals("VB") || tags[i].equals("VBP")) {
                return i;
            }
            if (firstAny < 0 && tags[i].startsWith("VB") && !tags[i].equals("VBN") && !tags[i].equals("VBG")) {
                firstAny = i;
            }
        }
        return firstAny;
    }

    /**
     * The head of the noun phrase right after the verb: determiners, numbers, adjectives and possessives may
     * come first, then the last noun of the first run of nouns ("a short poem" -> poem, "the word count" ->
     * count). Anything else (a preposition, another verb, punctuation) before a noun means no direct object.
     */
    private static String objectNoun(String[] tokens, String[] tags, int verbAt) {
        int i = verbAt + 1;
        while (i < tags.length && (tags[i].equals("RP") || tags[i].equals("RB"))) {
            i++; // phrasal particles and adverbs: "come up with", "briefly describe"
        }
        while (i < tags.length && OPENERS.contains(tags[i])) {
            i++;
        }
        String noun = null;
        while (i < tags.length && tags[i].startsWith("NN")) {
            noun = tokens[i].toLowerCase(Locale.ROOT);
            i++;
        }
        return noun;
    }

    private static final java.util.Set<String> OPENERS = java.util.Set.of("DT", "PDT", "CD", "JJ", "JJR", "JJS",
            "PRP$", "POS", "VBN", "VBG", "``", "''");

    /**
     * Tokens of the first sentence, the first one lower-cased: the 1.5 tagger was trained on news text, where a
     * capitalised first word is rarely an imperative, and it tags "Write" as a proper noun but "write" as a verb.
     */
    static String[] firstClause(String text) {
        String[] tokens = SimpleTokenizer.INSTANCE.tokenize(text.length() > 400 ? text.substring(0, 400) : text);
        int end = 0;
        while (end < tokens.length && end < MAX_TOKENS) {
            String token = tokens[end];
            end++;
            if (token.equals(".") || token.equals("?") || token.equals("!") || token.equals(":")) {
                break;
            }
        }
        String[] clause = Arrays.copyOf(tokens, end);
        if (clause.length > 0) {
            clause[0] = clause[0].toLowerCase(Locale.ROOT);
        }
        return clause;
    }
}
