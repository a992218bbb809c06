package dev.instructgen.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage behind {@link RougeLIndex}: token strings interned to dense int ids, every member's token-id
 * sequence (for the bit-parallel LCS) and an inverted index from token id to the members containing it, with the
 * number of occurrences (for the multiset-intersection bound).
 *
 * <p>Members are numbered 0, 1, 2, ... in insertion order, so every posting list is sorted by member number and
 * a search restricted to the members added after some point can binary-search its start. Appending a member
 * touches each of its tokens once: O(tokens), amortized over array doubling.
 *
 * <p>Not thread-safe: {@link RougeLIndex} guards it with a read-write lock.
 */
final class Pool {

    private final Map<String, Integer> vocabulary = new HashMap<>();
    private int[][] postingMembers = new int[64][];
    private int[][] postingCounts = new int[64][];
    private int[] postingLengths = new int[64];
    /** Per-token occurrence counter used while appending one member, all zero between appends. */
    private int[] occurrences = new int[64];

    /** All members' token ids end to end: a member is a slice, one memory region instead of one array each. */
    private int[] arena = new int[1024];
    private int[] memberStarts = new int[64];
    private String[] memberIds = new String[64];
    /** Token counts by member, kept apart from the token arrays so that bound checks stay in cache. */
    private int[] memberLengths = new int[64];
    private int size;
    private long tokenCount;

    /** Appends a member and returns its number. */
    int add(String id, List<String> tokens) {
        int[] ids = new int[tokens.size()];
        int[] distinct = new int[tokens.size()];
        int distinctCount = 0;
        for (int i = 0; i < ids.length; i++) {
            int token = intern(tokens.get(i));
            ids[i] = token;
            if (occurrences[token]++ == 0) {
                distinct[distinctCount++] = token;
            }
        }
        int member = size;
        if (member == memberIds.length) {
            memberIds = Arrays.copyOf(memberIds, member * 2);
            memberStarts = Arrays.copyOf(memberStarts, member * 2);
            memberLengths = Arrays.copyOf(memberLengths, member * 2);
        }
        memberLengths[member] = ids.length;
        memberIds[member] = id;
        int start = (int) tokenCount;
        if (start + ids.length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, start + ids.length));
        }
        System.arraycopy(ids, 0, arena, start, ids.length);
        memberStarts[member] = start;
        for (int d = 0; d < distinctCount; d++) {
            int token = distinct[d];
            appendPosting(token, member, occurrences[token]);
            occurrences[token] = 0;
        }
        size++;
        tokenCount += ids.length;
        return member;
    }

    private int intern(String token) {
        Integer known = vocabulary.get(token);
        if (known != null) {
            return known;
        }
        int id = vocabulary.size();
        vocabulary.put(token, id);
        if (id == postingLengths.length) {
            int capacity = id * 2;
            postingMembers = Arrays.copyOf(postingMembers, capacity);
            postingCounts = Arrays.copyOf(postingCounts, capacity);
            postingLengths = Arrays.copyOf(postingLengths, capacity);
            occurrences = Arrays.copyOf(occurrences, capacity);
        }
        postingMembers[id] = new int[2];
        postingCounts[id] = new int[2];
        return id;
    }

    private void appendPosting(int token, int member, int count) {
        int length = postingLengths[token];
        if (length == postingMembers[token].length) {
            postingMembers[token] = Arrays.copyOf(postingMembers[token], length * 2);
            postingCounts[token] = Arrays.copyOf(postingCounts[token], length * 2);
        }
        postingMembers[token][length] = member;
        postingCounts[token][length] = count;
        postingLengths[token] = length + 1;
    }

    /** The token's id, or -1 when no member contains it. */
    int tokenId(String token) {
        Integer id = vocabulary.get(token);
        return id == null ? -1 : id;
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    /** Number of members containing the token: the length of its posting list. */
    int documentFrequency(int token) {
        return postingLengths[token];
    }

    int[] postingMembers(int token) {
        return postingMembers[token];
    }

    int[] postingCounts(int token) {
        return postingCounts[token];
    }

    /** Position of the first posting of {@code token} whose member number is at least {@code fromMember}. */
    int firstPostingAtOrAfter(int token, int fromMember) {
        int[] members = postingMembers[token];
        int low = 0;
        int high = postingLengths[token];
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (members[mid] < fromMember) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** A copy of the member's token ids (searches read {@link #arena()} directly). */
    int[] tokens(int member) {
        return Arrays.copyOfRange(arena, memberStarts[member], memberStarts[member] + memberLengths[member]);
    }

    /** Token ids of every member, end to end (the live array: read only, under the lock). */
    int[] arena() {
        return arena;
    }

    /** Where the member's token ids begin in {@link #arena()}. */
    int start(int member) {
        return memberStarts[member];
    }

    /** Token counts indexed by member number (the live array: read only, under the lock). */
    int[] lengths() {
        return memberLengths;
    }

    int length(int member) {
        return memberLengths[member];
    }

    String id(int member) {
        return memberIds[member];
    }

    int size() {
        return size;
    }

    long tokenCount() {
        return tokenCount;
    }
}
