package dev.instructgen.mix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.error.BadInputException;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.Similarity;
import dev.instructgen.text.TokenizerKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The mix itself, a pure function of the loaded sources and the settings:
 * <ol>
 *   <li>each source's capped size, its rate by the strategy, the total (given, or the largest that repeats
 *       nothing) and each source's count by the largest-remainder method ({@link Allocation});</li>
 *   <li>each source is shuffled with a seed derived from the mix seed and its name, and its records are taken in
 *       that order (sampling without replacement) until its count is reached; with the dedup on, a record whose
 *       instruction has ROUGE-L F1 above the threshold with a record an earlier source put in is rejected and
 *       the next one is taken instead, so the count still holds while the source has records to spare;</li>
 *   <li>with {@code --allow-repeat}, a source too small for its count repeats its records in the same order;</li>
 *   <li>the records of all sources are shuffled together with the mix seed, so training sees them interleaved.</li>
 * </ol>
 * Sources are deduplicated in the order given: the earlier {@code --source} keeps a record both have.
 */
final class Mixer {

    /**
     * The mix: records in output order, the dedup's rejections, and what each source gave.
     *
     * @param sourceOf the source of each record, by position
     * @param licenses the license block of each record, by position
     */
    record Outcome(long total, List<ObjectNode> records, List<String> sourceOf, List<LicenseInfo> licenses,
                   List<Rejection> rejections, List<SourceOutcome> sources) {
    }

    private record Taken(LoadedSource source, Candidate candidate, int copy) {
    }

    Outcome mix(List<LoadedSource> sources, MixSettings settings) {
        int n = sources.size();
        long[] sizes = new long[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = sources.get(i).cappedSize();
            weights[i] = sources.get(i).spec().effectiveWeight();
        }
        if (Arrays.stream(sizes).sum() == 0) {
            throw new BadInputException("mix: every source is empty; nothing to mix");
        }
        double[] rates = settings.strategy().rates(sizes, weights, settings.temperature());
        long total = settings.total() != null ? settings.total() : Allocation.largestWithoutRepeats(sizes, rates);
        long[] quotas = Allocation.of(total, rates);
        refuseTooSmall(sources, sizes, quotas, settings.allowRepeat());

        NoveltyIndex index = NoveltyIndex.create(TokenizerKind.UNICODE, settings.threshold());
        Map<String, String> sourceOfMember = new HashMap<>();
        List<Taken> taken = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LoadedSource source = sources.get(i);
            String name = source.spec().name();
            List<Candidate> order = new ArrayList<>(source.candidates());
            Collections.shuffle(order, new Random(settings.seed() ^ fnv1a(name)));
            List<Candidate> kept = new ArrayList<>();
            Map<String, Long> lostTo = new LinkedHashMap<>();
            long wanted = Math.min(quotas[i], sizes[i]);
            for (int k = 0; k < order.size() && kept.size() < wanted; k++) {
                Candidate c = order.get(k);
                if (settings.dedup() && !index.isNovel(c.instruction())) {
                    Similarity nearest = index.nearest(c.instruction());
                    String winnerSource = sourceOfMember.get(nearest.mostSimilarId());
                    lostTo.merge(winnerSource, 1L, Long::sum);
                    rejections.add(rejection(name, c, nearest, winnerSource, settings.threshold()));
                } else {
                    kept.add(c);
                }
            }
            kept.forEach(c -> taken.add(new Taken(source, c, 1)));
            long repeated = 0;
            if (settings.allowRepeat() && !kept.isEmpty()) {
                for (long r = kept.size(); r < quotas[i]; r++) {
                    taken.add(new Taken(source, kept.get((int) (r % kept.size())), (int) (r / kept.size()) + 1));
                    repeated++;
                }
            }
            if (settings.dedup()) {
                for (Candidate c : kept) {
                    String id = mixedId(name, c.originalId(), 1);
                    index.add(id, c.instruction());
                    sourceOfMember.put(id, name);
                }
            }
            outcomes.add(new SourceOutcome(name, source.candidates().size(), sizes[i], rates[i], quotas[i],
                    kept.size(), repeated, lostTo));
        }
        Collections.shuffle(taken, new Random(settings.seed()));
        List<ObjectNode> records = new ArrayList<>(taken.size());
        List<String> sourceOf = new ArrayList<>(taken.size());
        List<LicenseInfo> licenses = new ArrayList<>(taken.size());
        Map<String, Double> rateOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            rateOf.put(sources.get(i).spec().name(), rates[i]);
        }
        for (Taken t : taken) {
            String name = t.source().spec().name();
            records.add(record(t, settings.strategy(), rateOf.get(name)));
            sourceOf.add(name);
            licenses.add(t.candidate().license());
        }
        return new Outcome(total, records, sourceOf, licenses, rejections, outcomes);
    }

    private static void refuseTooSmall(List<LoadedSource> sources, long[] sizes, long[] quotas, boolean allowRepeat) {
        List<String> small = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (quotas[i] > sizes[i] && (!allowRepeat || sizes[i] == 0)) {
                LoadedSource s = sources.get(i);
                small.add("source '" + s.spec().name() + "' has " + sizes[i] + " records"
                        + (s.spec().cap() != null && s.spec().cap() < s.candidates().size() ? " (after cap=" + s.spec().cap() + ")" : "")
                        + " but its share of the total is " + quotas[i]);
            }
        }
        if (!small.isEmpty()) {
            throw new BadInputException("mix: " + String.join("; ", small) + " (lower --total, raise the cap, or "
                    + "give --allow-repeat to repeat its records)");
        }
    }

    /** The record as written: the source's fields, an id and task id unique in the mix, and provenance.mix. */
    private static ObjectNode record(Taken t, MixStrategy strategy, double rate) {
        String name = t.source().spec().name();
        ObjectNode record = t.candidate().record().deepCopy();
        String originalMethod = record.path("method").asText(null);
        record.put("id", mixedId(name, t.candidate().originalId(), t.copy()));
        record.put("method", MethodId.MIX.code());
        if (record.hasNonNull("task_id")) {
            record.put("task_id", name + "/" + record.get("task_id").asText());
        }
        ObjectNode provenance = record.hasNonNull("provenance") && record.get("provenance").isObject()
                ? (ObjectNode) record.get("provenance") : record.putObject("provenance");
        ObjectNode mix = provenance.putObject("mix");
        mix.put("source", name);
        mix.put("strategy", strategy.cliName());
        mix.put("weight", round(rate));
        mix.put("original_id", t.candidate().originalId());
        if (originalMethod != null) {
            mix.put("original_method", originalMethod);
        }
        if (t.copy() > 1) {
            mix.put("repeat", t.copy());
        }
        return record;
    }

    /** The rate as written, to 6 decimals, so a record's bytes do not depend on floating-point noise. */
    static double round(double rate) {
        return Math.round(rate * 1_000_000d) / 1_000_000d;
    }

    static String mixedId(String source, String originalId, int copy) {
        return source + "/" + originalId + (copy > 1 ? "#" + copy : "");
    }

    private static Rejection rejection(String source, Candidate c, Similarity nearest, String winnerSource,
                                       double threshold) {
        ObjectNode r = c.record();
        String detail = String.format(Locale.ROOT, "ROUGE-L F1 %.3f > %.2f with %s, kept from source '%s'",
                nearest.score(), threshold, nearest.mostSimilarId(), winnerSource);
        return new Rejection(mixedId(source, c.originalId(), 1), "mix", RejectionReason.CROSS_SOURCE_DUPLICATE,
                detail, c.instruction(), r.path("input").asText(""), r.path("output").asText(""),
                List.of(nearest.mostSimilarId()), null);
    }

    /** FNV-1a 64-bit of the name: a per-source seed that does not depend on the order of --source options. */
    static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
