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
 * A member first met in a posting list shares at most the candidate occurrences not read before that list; with
 * the length filter this gives, per list, a window of member lengths worth recording at all.
 *
 * <p>For the exact maximum the decision's prefix search runs first; if the best score found exceeds t, every
 * member that could beat it was in the prefix. Otherwise the search starts again with that score s as the floor:
 * posting lists are read rarest first only while a member not yet seen could still reach s (with r candidate
 * occurrences left unread such a member has overlap ≤ r and F ≤ 2r/(m+r)), and members whose bound is below s
 * are not recorded. In both passes members are verified in decreasing order of their bound (a counting sort into
 * buckets), so the best score rises early and prunes the rest.
 *
 * <p><b>Exactness.</b> Bounds are real-number inequalities, while the decision compares the score in rouge_score's
 * floating-point arithmetic ({@link RougeL#f1(int, int, int)}), which can differ from the exact fraction in the
 * last bit. Every bound is therefore applied with a margin of 1e-9, far more than any rounding error of the score
 * (below 1e-15), so a bound never discards a member that the reference would count (the margin only loosens the
 * bounds a hair), and the final comparison is the reference's own. Ties in the maximum go to the earliest member,
 * as in the reference's scan.
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
                if (score(member) > threshold) {
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
        double bound = threshold - MARGIN;
        probePrefix(bound);
        Match best = verify(scratch.touchedCount, Match.NONE);
        if (best.score() > threshold) {
            return best; // every member above the threshold was in the prefix search
        }
        // Below the threshold the maximum may be any member: search again, pruning with the score found so far.
        scratch.clearTouched();
        nextToken = 0;
        unreadOccurrences = m - query.unknownCount();
        double floor = best.score() - 2 * MARGIN;
        while (nextToken < query.distinctCount()) {
            double unseenBound = 2.0 * unreadOccurrences / (m + unreadOccurrences);
            if (unseenBound + MARGIN < best.score()) {
                break;
            }
            probeNext(floor);
        }
        return verify(scratch.touchedCount, best);
    }

    /**
     * Reads the posting lists of the rarest occurrences that any member scoring above {@code bound} must share,
     * recording only members that could score above it.
     */
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
            probeNext(bound);
        }
    }

    /**
     * Reads the next posting list, adding overlaps. A member first met here shares at most the occurrences not
     * read before this list, so it is not even recorded when that bound cannot exceed {@code floor}.
     */
    private void probeNext(double floor) {
        int k = nextToken++;
        int token = query.token(k);
        int count = query.count(k);
        int shareable = unreadOccurrences;
        unreadOccurrences -= count;
        int[] lengths = pool.lengths();
        int[] members = pool.postingMembers(token);
        int[] counts = pool.postingCounts(token);
        int length = pool.documentFrequency(token);
        int start = fromMember == 0 ? 0 : pool.firstPostingAtOrAfter(token, fromMember);
        int[] overlap = scratch.overlap;
        int[] touched = scratch.touched;
        int touchedCount = scratch.touchedCount;
        int shortest;
        int longest;
        if (floor < 0) {
            shortest = 0;
            longest = Integer.MAX_VALUE;
        } else if (!exceeds(shareable, shareable, floor)) {
            shortest = 1;
            longest = 0; // no new member can qualify, only known ones gain overlap
        } else {
            shortest = shortestExceeding(shareable, floor);
            longest = longestExceeding(shareable, floor);
        }
        for (int i = start; i < length; i++) {
            int member = members[i];
            if (overlap[member] == 0) {
                int n = lengths[member];
                if (n < shortest || n > longest) {
                    continue;
                }
                touched[touchedCount++] = member;
            }
            overlap[member] += Math.min(count, counts[i]);
        }
        scratch.touchedCount = touchedCount;
    }

    /** Whether a member of n tokens sharing at most {@code shareable} could score above {@code floor}. */
    private boolean exceeds(int shareable, int n, double floor) {
        return 2.0 * Math.min(shareable, n) / ((double) m + n) > floor;
    }

    /** Smallest n in [0, shareable] that {@link #exceeds}; the bound grows with n up to {@code shareable}. */
    private int shortestExceeding(int shareable, double floor) {
        int low = 0;
        int high = shareable;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (exceeds(shareable, mid, floor)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Largest n at least {@code shareable} that {@link #exceeds}; past {@code shareable} the bound falls. */
    private int longestExceeding(int shareable, double floor) {
        long low = shareable;
        long high = shareable + 1L;
        while (high < Integer.MAX_VALUE && exceeds(shareable, (int) high, floor)) {
            low = high;
            high = Math.min(Integer.MAX_VALUE, high * 2);
        }
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (exceeds(shareable, (int) mid, floor)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (int) low;
    }

    /** Exact upper bound on F for a touched member: 2·min(overlap + unread, m, n)/(m+n). */
    private double upperBound(int member) {
        int n = pool.length(member);
        int overlap = Math.min(scratch.overlap[member] + unreadOccurrences, Math.min(m, n));
        return 2.0 * overlap / (m + n);
    }

    /** Verifies touched members in decreasing order of bound, keeping the best; returns the new best. */
    private Match verify(int to, Match incumbent) {
        int bestMember = incumbent.member();
        double bestScore = incumbent.score();
        int buckets = QueryScratch.BUCKETS;
        int[] starts = scratch.bucketStarts;
        scratch.clearBuckets();
        int candidates = 0;
        for (int i = 0; i < to; i++) {
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
            double f = score(member);
            if (f > 0 && (f > bestScore || (f == bestScore && member < bestMember))) {
                bestScore = f;
                bestMember = member;
            }
        }
        return bestMember < 0 ? Match.NONE : new Match(bestMember, bestScore);
    }

    /** The reference score of a member: bit-parallel LCS, then rouge_score's arithmetic. */
    private double score(int member) {
        int start = pool.start(member);
        int n = pool.length(member);
        return RougeL.f1(query.lcs(pool.arena(), start, start + n, scratch.local, scratch.bitVector), m, n);
    }

    private static int bucketOf(double bound, int buckets) {
        return Math.min(buckets, (int) (bound * buckets));
    }

    private boolean ignored(int member) {
        return !ignoredIds.isEmpty() && ignoredIds.contains(pool.id(member));
    }
}
