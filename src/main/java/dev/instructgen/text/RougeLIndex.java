package dev.instructgen.text;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The fast, exact novelty index: the same decisions and maximum scores as {@link ExhaustiveNoveltyIndex} (which
 * scores a candidate against every member with the O(m·n) dynamic programme), at a small fraction of the cost.
 *
 * <p>ROUGE-L F1 (Lin 2004) as Self-Instruct and Alpaca use it: F = 2·LCS/(m+n) with the candidate as target and
 * the member as prediction, computed in rouge_score's floating-point steps ({@link RougeL#f1(int, int, int)}), an
 * empty side scoring 0; a candidate is rejected when its maximum F exceeds the threshold. How members are skipped
 * without losing exactness (inverted index, overlap bound, length and prefix filtering) is described in
 * {@link PoolSearch}; the LCS of the members that remain is computed bit-parallel (Allison &amp; Dix 1986;
 * Hyyrö 2004) in {@link CandidateQuery}; the storage is {@link Pool}.
 *
 * <p><b>Concurrency.</b> A read-write lock: searches ({@link #nearest}, {@link #isNovel}) share the read lock and
 * run in parallel; {@link #add} takes the write lock for an O(tokens) append. {@link #admit} is atomic without
 * holding the write lock for the whole search: it searches the pool under the read lock, noting its size; a
 * rejection is final (nothing changes, and the pool it saw is a state the index really was in). If the text looks
 * novel it takes the write lock, searches only the members added since (a binary search into each posting list
 * finds them), and adds the text only if none of those exceeds the threshold either. So two near-identical
 * candidates admitted at the same moment cannot both get in, and the expensive part runs concurrently.
 */
public final class RougeLIndex implements NoveltyIndex {

    private final Tokenizer tokenizer;
    private final double threshold;
    private final Pool pool = new Pool();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<QueryScratch> scratch = ThreadLocal.withInitial(QueryScratch::new);

    public RougeLIndex(Tokenizer tokenizer, double threshold) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        this.tokenizer = tokenizer;
        this.threshold = threshold;
    }

    @Override
    public void add(String id, String text) {
        List<String> tokens = tokenizer.tokenize(text);
        Lock write = lock.writeLock();
        write.lock();
        try {
            pool.add(id, tokens);
        } finally {
            write.unlock();
        }
    }

    @Override
    public Similarity nearest(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        Lock read = lock.readLock();
        read.lock();
        try {
            return similarity(best(tokens, 0, Set.of()));
        } finally {
            read.unlock();
        }
    }

    /** Decision only: true when no member's score exceeds the threshold. Faster than {@link #nearest}. */
    @Override
    public boolean isNovel(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        Lock read = lock.readLock();
        read.lock();
        try {
            QueryScratch s = scratch.get();
            CandidateQuery query = prepare(tokens, s);
            try {
                return new PoolSearch(pool, query, s, 0, Set.of()).firstAbove(threshold) < 0;
            } finally {
                finish(query, s);
            }
        } finally {
            read.unlock();
        }
    }

    @Override
    public NoveltyDecision admit(String id, String text, Set<String> ignoredIds) {
        List<String> tokens = tokenizer.tokenize(text);
        PoolSearch.Match seen;
        int seenSize;
        Lock read = lock.readLock();
        read.lock();
        try {
            seenSize = pool.size();
            seen = best(tokens, 0, ignoredIds);
        } finally {
            read.unlock();
        }
        if (seen.score() > threshold) {
            return new NoveltyDecision(false, similarity(seen));
        }
        Lock write = lock.writeLock();
        write.lock();
        try {
            PoolSearch.Match added = pool.size() == seenSize ? PoolSearch.Match.NONE : best(tokens, seenSize, ignoredIds);
            // members added meanwhile have larger numbers, so an equal score keeps the earlier member
            PoolSearch.Match nearest = added.score() > seen.score() ? added : seen;
            boolean novel = !(nearest.score() > threshold);
            Similarity similarity = similarity(nearest);
            if (novel) {
                pool.add(id, tokens);
            }
            return new NoveltyDecision(novel, similarity);
        } finally {
            write.unlock();
        }
    }

    @Override
    public int size() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return pool.size();
        } finally {
            read.unlock();
        }
    }

    /** Total tokens of all members (for the benchmark's heap-per-token figure). */
    public long tokenCount() {
        Lock read = lock.readLock();
        read.lock();
        try {
            return pool.tokenCount();
        } finally {
            read.unlock();
        }
    }

    @Override
    public double threshold() {
        return threshold;
    }

    /** Caller holds a lock. */
    private PoolSearch.Match best(List<String> tokens, int fromMember, Set<String> ignoredIds) {
        QueryScratch s = scratch.get();
        CandidateQuery query = prepare(tokens, s);
        try {
            return new PoolSearch(pool, query, s, fromMember, ignoredIds).best(threshold);
        } finally {
            finish(query, s);
        }
    }

    private CandidateQuery prepare(List<String> tokens, QueryScratch s) {
        s.prepare(pool.size(), pool.vocabularySize(), (tokens.size() + 63) >>> 6);
        return CandidateQuery.prepare(tokens, pool, s.local);
    }

    private static void finish(CandidateQuery query, QueryScratch s) {
        s.clearTouched();
        query.release(s.local);
    }

    /** Caller holds a lock. */
    private Similarity similarity(PoolSearch.Match match) {
        return match.member() < 0 ? Similarity.NONE : new Similarity(match.score(), pool.id(match.member()));
    }
}
