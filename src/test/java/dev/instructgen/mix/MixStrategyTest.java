package dev.instructgen.mix;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MixStrategyTest {

    @Test
    void temperatureRatesAreCappedSizesToThePowerOfOneOverT() {
        // sqrt(100) : sqrt(25) = 10 : 5
        double[] rates = MixStrategy.TEMPERATURE.rates(new long[] {100, 25}, new double[] {1, 1}, 2.0);

        assertThat(rates[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Allocation.of(30, rates)).containsExactly(20, 10);
    }

    @Test
    void temperatureOneIsProportionalMixing() {
        double[] t1 = MixStrategy.TEMPERATURE.rates(new long[] {70, 20, 10}, new double[] {1, 1, 1}, 1.0);
        double[] proportional = MixStrategy.PROPORTIONAL.rates(new long[] {70, 20, 10}, new double[] {1, 1, 1}, 2.0);

        assertThat(t1).containsExactly(proportional, within(1e-12));
    }

    @Test
    void weightsAreNormalisedAndAnEmptySourceGetsNothing() {
        double[] rates = MixStrategy.WEIGHTS.rates(new long[] {10, 10, 0}, new double[] {3, 1, 5}, 2.0);

        assertThat(Allocation.of(40, rates)).containsExactly(30, 10, 0);
    }

    @Test
    void leftoversGoToTheLargestRemaindersSoCountsSumToTheTotal() {
        // 10 x 1/3 each = 3.33: one leftover, to the first source on the tie
        long[] counts = Allocation.of(10, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});

        assertThat(counts).containsExactly(4, 3, 3);
        assertThat(Allocation.of(11, new double[] {0.55, 0.45})).containsExactly(6, 5);
    }

    @Test
    void theDefaultTotalIsTheLargestThatAsksNoSourceForMoreThanItHas() {
        long[] sizes = {100, 25};
        double[] temperature = MixStrategy.TEMPERATURE.rates(sizes, new double[] {1, 1}, 2.0);

        // source 2 holds 25 at rate 1/3: 75 in all; proportional takes everything
        assertThat(Allocation.largestWithoutRepeats(sizes, temperature)).isEqualTo(75);
        assertThat(Allocation.largestWithoutRepeats(sizes,
                MixStrategy.PROPORTIONAL.rates(sizes, new double[] {1, 1}, 1))).isEqualTo(125);
    }

    @Test
    void aSourceSpecReadsItsOptionsFromTheEnd() {
        MixSource s = MixSource.parse("dolly=data/d:v1/dolly.jsonl:cap=500:license=CC-BY-SA-3.0");

        assertThat(s.name()).isEqualTo("dolly");
        assertThat(s.path().toString()).isEqualTo("data/d:v1/dolly.jsonl");
        assertThat(s.cap()).isEqualTo(500);
        assertThat(s.license()).isEqualTo("CC-BY-SA-3.0");
        assertThat(MixSource.parse("w=x.jsonl:weight=2.5").weight()).isEqualTo(2.5);
    }
}
