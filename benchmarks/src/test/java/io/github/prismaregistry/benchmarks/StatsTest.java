package io.github.prismaregistry.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddSampleIsItsMiddleValueWhateverTheInputOrder() {
        assertThat(Stats.of(9, 1, 5, 3, 7).median()).isEqualTo(5.0);
    }

    @Test
    void medianOfEvenSampleIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }

    @Test
    void percentilesInterpolateBetweenNeighbouringRanks() {
        Stats stats = Stats.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110);
        assertThat(stats.percentile(10)).isEqualTo(20.0);
        assertThat(stats.percentile(90)).isEqualTo(100.0);
        assertThat(Stats.of(1, 2).percentile(25)).isCloseTo(1.25, within(1e-9));
        assertThat(stats.percentile(0)).isEqualTo(stats.min());
        assertThat(stats.percentile(100)).isEqualTo(stats.max());
    }

    @Test
    void madIgnoresASingleOutlier() {
        Stats stats = Stats.of(10, 11, 12, 13, 1000);
        assertThat(stats.median()).isEqualTo(12.0);
        // deviations 2, 1, 0, 1, 988 -> median 1
        assertThat(stats.mad()).isEqualTo(1.0);
    }

    @Test
    void singleValueSampleHasNoSpread() {
        Stats stats = Stats.of(7L);
        assertThat(stats.median()).isEqualTo(7.0);
        assertThat(stats.percentile(90)).isEqualTo(7.0);
        assertThat(stats.mad()).isZero();
    }

    @Test
    void emptySampleAndOutOfRangePercentileAreRejected() {
        assertThatThrownBy(() -> Stats.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.of(1, 2).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
