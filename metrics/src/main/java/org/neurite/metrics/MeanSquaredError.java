package org.neurite.metrics;

/** {@code mean_squared_error}: per sample the mean of the squared differences over the columns. */
public final class MeanSquaredError extends ElementError {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    double error(double difference) {
        return difference * difference;
    }
}
