package org.neurite.metrics;

/** {@code mean_absolute_error}: per sample the mean of the absolute differences over the columns. */
public final class MeanAbsoluteError extends ElementError {
    @Override
    public String name() {
        return "mean_absolute_error";
    }

    @Override
    double error(double difference) {
        return Math.abs(difference);
    }
}
