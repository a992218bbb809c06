package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RougeLIndexConcurrencyTest {

    private static final int THREADS = 6;

    @Test
    void parallelAdmitsNeverLetInTwoTextsThatAreTooSimilar() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        RandomTexts texts = new RandomTexts(random, 25);
        List<String> submissions = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String base = texts.ofLength(4 + random.nextInt(30));
            bases.add(base);
            // each base arrives several times, exactly and slightly edited, from different threads
            for (int copy = 0; copy < 4; copy++) {
                submissions.add(copy == 0 ? base : texts.mutate(base, random.nextInt(2)));
            }
        }
        Collections.shuffle(submissions, new Random(3));
        NoveltyIndex index = new RougeLIndex(new RougeScoreTokenizer(), 0.7);
        Queue<String> admitted = new ConcurrentLinkedQueue<>();

        runInParallel(submissions, (i, text) -> {
            if (index.admit("s" + i, text).novel()) {
                admitted.add(text);
            }
            index.nearest(text); // readers interleave with writers
        });

        List<String> pool = new ArrayList<>(admitted);
        assertThat(index.size()).isEqualTo(pool.size());
        Tokenizer tokenizer = new RougeScoreTokenizer();
        for (int a = 0; a < pool.size(); a++) {
            for (int b = a + 1; b < pool.size(); b++) {
                assertThat(RougeL.f1(tokenizer.tokenize(pool.get(a)), tokenizer.tokenize(pool.get(b))))
                        .as("%s / %s", pool.get(a), pool.get(b)).isLessThanOrEqualTo(0.7);
            }
        }
        // and every submission was either admitted or rejected against a member that is still there
        for (String text : submissions) {
            assertThat(index.nearest(text).score()).isGreaterThan(0.7);
        }
        assertThat(pool.size()).isLessThanOrEqualTo(submissions.size()).isGreaterThanOrEqualTo(bases.size() / 2);
    }

    @Test
    void concurrentAddsAreAllVisibleAndSearchesDuringThemStayExact() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        RandomTexts texts = new RandomTexts(random, 40);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            members.add(texts.ofLength(1 + random.nextInt(40)));
        }
        NoveltyIndex index = new RougeLIndex(new RougeScoreTokenizer(), 0.7);

        runInParallel(members, (i, text) -> {
            index.add("m" + i, text);
            // a text just added is found at once with a perfect score, whatever the other threads do
            assertThat(index.nearest(text).score()).isEqualTo(1.0);
            assertThat(index.isNovel(text)).isFalse();
        });

        assertThat(index.size()).isEqualTo(members.size());
        for (int i = 0; i < 50; i++) {
            String probe = texts.mutate(members.get(random.nextInt(members.size())), 3);
            assertThat(index.nearest(probe).score()).isEqualTo(exhaustiveScore(members, probe));
        }
    }

    private static double exhaustiveScore(List<String> members, String probe) {
        Tokenizer tokenizer = new RougeScoreTokenizer();
        double best = 0;
        for (String member : members) {
            best = Math.max(best, RougeL.f1(tokenizer.tokenize(probe), tokenizer.tokenize(member)));
        }
        return best;
    }

    private interface Work {
        void run(int index, String text);
    }

    /** Splits the texts over the threads, released together by a latch; rethrows any failure. */
    private static void runInParallel(List<String> texts, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < texts.size(); i += THREADS) {
                        work.run(i, texts.get(i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
