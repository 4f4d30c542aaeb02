package org.neurite.losses;

/** The stable log-sum-exp that the fused softmax cross-entropies are built on. */
final class Softmax {
    private Softmax() {
    }

    /**
     * {@code log Σ_j exp(z_j)} over {@code z[offset .. offset + k)}, shifted by the maximum so
     * that no exponential overflows; {@code −∞} for an empty row.
     */
    static double logSumExp(float[] z, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[offset + c]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(z[offset + c] - max);
        }
        return max + Math.log(sum);
    }
}
