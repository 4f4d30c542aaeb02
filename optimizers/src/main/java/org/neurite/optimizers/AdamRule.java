package org.neurite.optimizers;

/**
 * Adam's element updates, shared by {@code adam} and {@code adamw} (which differ only in the
 * default of core's decoupled weight decay).
 */
final class AdamRule {
    private AdamRule() {
    }

    /**
     * One step of Adam at step {@code t = iterations + 1}: {@code m += (g − m)·(1 − β1)},
     * {@code v += (g² − v)·(1 − β2)}, with AMSGrad {@code v̂ = max(v̂, v)},
     * {@code w −= m·lr_t / (sqrt(v̂) + ε)}, {@code lr_t = lr·sqrt(1 − β2^t) / (1 − β1^t)} in
     * double.
     */
    static void update(double learningRate, long iterations, double beta1, double beta2, double epsilon,
                       boolean amsgrad, float[] w, float[] g, float[][] slots) {
        double t = iterations + 1;
        float lr = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        float[] m = slots[0];
        float[] v = slots[1];
        float[] denominator = amsgrad ? slots[2] : v;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            if (amsgrad) {
                denominator[i] = Math.max(denominator[i], v[i]);
            }
            w[i] -= m[i] * lr / ((float) Math.sqrt(denominator[i]) + eps);
        }
    }
}
