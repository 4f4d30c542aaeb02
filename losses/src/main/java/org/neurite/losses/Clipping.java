package org.neurite.losses;

/**
 * Keras's guard against {@code log(0)}: probabilities are clipped to {@code [ε, 1 − ε]} with
 * {@code ε = 1e-7} ({@code keras.backend.epsilon()}) before their logarithm is taken.
 */
final class Clipping {
    /** Keras's {@code epsilon()}. */
    static final double EPSILON = 1e-7;
    private static final double ONE_MINUS_EPSILON = 1 - EPSILON;

    private Clipping() {
    }

    /** {@code p} clipped to {@code [ε, 1 − ε]}; NaN stays NaN. */
    static double clip(double p) {
        return Math.min(Math.max(p, EPSILON), ONE_MINUS_EPSILON);
    }

    /**
     * Whether the gradient flows through the clip at {@code p}: inside the interval and on its
     * bounds, as TensorFlow's {@code clip_by_value} gradient; zero strictly outside.
     */
    static boolean passesGradient(double p) {
        return p >= EPSILON && p <= ONE_MINUS_EPSILON;
    }
}
