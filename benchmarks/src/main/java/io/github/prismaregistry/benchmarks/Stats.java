package io.github.prismaregistry.benchmarks;

import java.util.Arrays;

/**
 * Order statistics of a sample. Medians and percentiles rather than means, because on a shared machine a few
 * iterations are always slowed by someone else's build and a mean would hide that behind one number.
 */
public final class Stats {

    private final double[] sorted;

    private Stats(double[] sorted) {
        this.sorted = sorted;
    }

    public static Stats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    public static Stats of(long... values) {
        return of(Arrays.stream(values).asDoubleStream().toArray());
    }

    public int count() {
        return sorted.length;
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public double median() {
        return percentile(50);
    }

    /**
     * Linear interpolation between the two nearest ranks (the usual "type 7" definition), so that the median of an
     * even-sized sample is the mean of its two middle values.
     */
    public double percentile(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of range: " + p);
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        double fraction = rank - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }

    /** Median absolute deviation from the median: a spread that one outlier cannot inflate. */
    public double mad() {
        double median = median();
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        return of(deviations).median();
    }
}
