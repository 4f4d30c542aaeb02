package org.neurite.metrics;

/**
 * {@code precision} ({@code thresholds} 0.5): true positives over predicted positives, over
 * every output element of the epoch; 0 when nothing was predicted positive (Keras's
 * {@code Precision}).
 */
public final class Precision extends ThresholdRatio {
    public Precision() {
        this(0.5);
    }

    private Precision(double threshold) {
        super(threshold);
    }

    @Override
    public String name() {
        return "precision";
    }

    @Override
    ThresholdRatio withThreshold(double threshold) {
        return new Precision(threshold);
    }

    @Override
    double ratio(Confusion c) {
        return Confusion.divideNoNan(c.tp[0], c.tp[0] + c.fp[0]);
    }
}
