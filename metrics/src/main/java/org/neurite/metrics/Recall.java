package org.neurite.metrics;

/**
 * {@code recall} ({@code thresholds} 0.5): true positives over actual positives, over every
 * output element of the epoch; 0 when there was no positive target (Keras's {@code Recall}).
 */
public final class Recall extends ThresholdRatio {
    public Recall() {
        this(0.5);
    }

    private Recall(double threshold) {
        super(threshold);
    }

    @Override
    public String name() {
        return "recall";
    }

    @Override
    ThresholdRatio withThreshold(double threshold) {
        return new Recall(threshold);
    }

    @Override
    double ratio(Confusion c) {
        return Confusion.divideNoNan(c.tp[0], c.tp[0] + c.fn[0]);
    }
}
