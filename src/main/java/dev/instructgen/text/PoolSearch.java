package dev.instructgen.text;

import java.util.Set;

/**
 * The two searches of {@link RougeLIndex} over a {@link Pool}: "does any member exceed the threshold" (the
 * decision, with early exit) and "which member scores highest" (exact maximum, for provenance).
 *
 * <p>Both rest on bounds that let most members be skipped without computing an LCS:
 * <ul>
 *   <li><b>Overlap bound.</b> LCS ≤ I, the size of the multiset intersection of the two token bags, so
 *       F ≤ 2·I/(m+n). I is accumulated from the inverted index, which touches only members sharing a token.</li>
 *   <li><b>Length filter.</b> LCS ≤ min(m, n), so F ≤ 2·min(m,n)/(m+n): members much shorter or longer than the
 *       candidate cannot exceed the threshold.</li>
 *   <li><b>Prefix filter</b> (Chaudhuri, Ganti &amp; Kaushik 2006; Bayardo, Ma &amp; Srikant 2007). F &gt; t needs
 *       LCS &gt; t·m/(2−t) =: o−1, hence an overlap of at least o. Order the candidate's token occurrences rarest
 *       first; a member that shares none of the first m−o+1 of them shares at most o−1 and cannot exceed t. So
 *       only the posting lists of the candidate's rarest tokens are read, and the long lists of frequent words
 *       ("the", "a", "of") are never touched for the decision. The ordering is by the current document frequency,
 *       on the candidate side only, so it stays exact as the pool grows and appends stay O(tokens).</li>
 * </ul>
 * For the exact maximum the same prefix is probed first; if the best score found exceeds t, every member that
 * could beat it was in the prefix. Otherwise further posting lists are read, rarest first, only while a member
 * not yet seen could still reach the best score: with r candidate occurrences left unread such a member has
 * overlap ≤ r and F ≤ 2r/(m+r). Members are verified in decreasing order of their bound (bucketed), so the best
 * score rises early and prunes the rest.
 *
 * <p><b>Exactness.</b> Bounds are real-number inequalities, while the decision compares the score in rouge_score's
 * floating-point arithmetic ({@link RougeL#f1(int, int, int)}), which can differ from the exact fraction in the
 * last bit. Every bound is therefore applied with a margin of 1e-9: far more than any rounding error of the score
 * (below 1e-15), far less than the smallest gap between two distinct scores (1/(m+n)² for texts under 10,000
 * tokens), so a bound never discards a member that the reference would count, and the final comparison is the
 * reference's own. Ties in the maximum go to the earliest member, as in the reference's scan.
 */
final class PoolSearch {

    /** Slack on every bound; see the class comment. */
    static final double MARGIN = 1e-9;

    /** Best member found: its number (-1 for none) and reference score. */
    record Match(int member, double score) {
        static final Match NONE = new Match(-1, 0.0);
    }

    private final Pool pool;
    private final CandidateQuery query;
    private final QueryScratch scratch;
    private final int fromMember;
    private final Set<String> ignoredIds;
    private final int m;
    private int nextToken;
    private int unreadOccurrences;

    /** Searches the members numbered {@code fromMember} and above, skipping {@code ignoredIds}. */
    PoolSearch(Pool pool, CandidateQuery query, QueryScratch scratch, int fromMember, Set<String> ignoredIds) {
        this.pool = pool;
        this.query = query;
        this.scratch = scratch;
        this.fromMember = fromMember;
        this.ignoredIds = ignoredIds;
        this.m = query.length();
        this.unreadOccurrences = m - query.unknownCount();
    }

    /** The first member (in order of discovery) whose score exceeds {@code threshold}, or -1. */
    int firstAbove(double threshold) {
        if (m == 0) {
            return -1;
        }
        double bound = threshold - MARGIN;
        probePrefix(bound);
        for (int i = 0; i < scratch.touchedCount; i++) {
            int member = scratch.touched[i];
            if (upperBound(member) > bound && !ignored(member)) {
                int[] tokens = pool.tokens(member);
                double f = RougeL.f1(query.lcs(tokens, scratch.local, scratch.bitVector), m, tokens.length);
                if (f > threshold) {
                    return member;
                }
            }
        }
        return -1;
    }

    /** The member with the highest score (the earliest of equals), or {@link Match#NONE} when all score 0. */
    Match best(double threshold) {
        if (m == 0) {
            return Match.NONE;
        }
        probePrefix(threshold - MARGIN);
        Match best = verify(0, scratch.touchedCount, Match.NONE);
        if (best.score() > threshold) {
            return best;
        }
        int firstUnverified = scratch.touchedCount;
        while (nextToken < query.distinctCount()) {
            double unseenBound = 2.0 * unreadOccurrences / (m + unreadOccurrences);
            if (unseenBound + MARGIN < best.score()) {
                break;
            }
            probeNext();
        }
        return verify(firstUnverified, scratch.touchedCount, best);
    }

    /** Reads the posting lists of the rarest occurrences that any member scoring above {@code bound} must share. */
    private void probePrefix(double bound) {
        int prefix = m;
        if (bound > 0 && bound < 1) {
            int minOverlap = (int) Math.floor(bound * m / (2 - bound)) + 1;
            prefix = m - minOverlap + 1;
        } else if (bound >= 1) {
            prefix = 0;
        }
        int read = query.unknownCount();
        while (read < prefix && nextToken < query.distinctCount()) {
            read += query.count(nextToken);
            probeNext();
        }
    }

    private void probeNext() {
        int k = nextToken++;
        int token = query.token(k);
        int count = query.count(k);
        unreadOccurrences -= count;
        int[] members = pool.postingMembers(token);
        int[] counts = pool.postingCounts(token);
        int length = pool.documentFrequency(token);
        int start = fromMember == 0 ? 0 : pool.firstPostingAtOrAfter(token, fromMember);
        int[] overlap = scratch.overlap;
        int[] touched = scratch.touched;
        int touchedCount = scratch.touchedCount;
        for (int i = start; i < length; i++) {
            int member = members[i];
            if (overlap[member] == 0) {
                touched[touchedCount++] = member;
            }
            overlap[member] += Math.min(count, counts[i]);
        }
        scratch.touchedCount = touchedCount;
    }

    /** Exact upper bound on F for a touched member: 2·min(overlap + unread, m, n)/(m+n). */
    private double upperBound(int member) {
        int n = pool.tokens(member).length;
        int overlap = Math.min(scratch.overlap[member] + unreadOccurrences, Math.min(m, n));
        return 2.0 * overlap / (m + n);
    }

    /** Verifies touched[from, to) in decreasing order of bound, keeping the best; returns the new best. */
    private Match verify(int from, int to, Match incumbent) {
        int bestMember = incumbent.member();
        double bestScore = incumbent.score();
        int buckets = QueryScratch.BUCKETS;
        int[] starts = scratch.bucketStarts;
        scratch.clearBuckets();
        int candidates = 0;
        for (int i = from; i < to; i++) {
            int member = scratch.touched[i];
            double bound = upperBound(member);
            if (bound + MARGIN < bestScore || ignored(member)) {
                continue;
            }
            scratch.bounds[candidates] = bound;
            scratch.ordered[candidates++] = member;
            starts[bucketOf(bound, buckets)]++;
        }
        // counting sort on the bound, highest bucket first
        int position = 0;
        for (int b = buckets; b >= 0; b--) {
            int count = starts[b];
            starts[b] = position;
            position += count;
        }
        int[] sortedMembers = scratch.sortedMembers;
        double[] sortedBounds = scratch.sortedBounds;
        for (int c = 0; c < candidates; c++) {
            double bound = scratch.bounds[c];
            int slot = starts[bucketOf(bound, buckets)]++;
            sortedMembers[slot] = scratch.ordered[c];
            sortedBounds[slot] = bound;
        }
        for (int c = 0; c < candidates; c++) {
            double bound = sortedBounds[c];
            if (bound + MARGIN < bestScore) {
                if ((bucketOf(bound, buckets) + 1.0) / buckets + MARGIN < bestScore) {
                    break; // every later candidate lies in this bucket or a lower one
                }
                continue;
            }
            int member = sortedMembers[c];
            int[] tokens = pool.tokens(member);
            double f = RougeL.f1(query.lcs(tokens, scratch.local, scratch.bitVector), m, tokens.length);
            if (f > 0 && (f > bestScore || (f == bestScore && member < bestMember))) {
                bestScore = f;
                bestMember = member;
            }
        }
        return bestMember < 0 ? Match.NONE : new Match(bestMember, bestScore);
    }

    private static int bucketOf(double bound, int buckets) {
        return Math.min(buckets, (int) (bound * buckets));
    }

    private boolean ignored(int member) {
        return !ignoredIds.isEmpty() && ignoredIds.contains(pool.id(member));
    }
}
