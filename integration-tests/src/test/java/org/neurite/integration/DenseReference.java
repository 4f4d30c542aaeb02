package org.neurite.integration;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written float64 reference of Keras 3's training arithmetic for one network,
 * {@code x → Dense(h, tanh) → Dense(k, softmax)} with categorical cross-entropy, written for the
 * tests and sharing no code with Neurite: regularization penalties (kernel and bias L1/L2 on
 * both layers, an L2 activity penalty on the hidden layer's output divided by the batch's rows),
 * per-sample weights ({@code Σ wᵢ·lᵢ / n}), plain or momentum SGD and Adam, unshuffled batches.
 * Each epoch's logged loss is the rows-weighted mean of the batch losses (penalties included)
 * computed before each update, as Keras's loss tracker has it; the weighted accuracy is
 * {@code Σ wᵢ·correctᵢ / Σ wᵢ}.
 */
final class DenseReference {
    /** Penalty factors; 0 for none. */
    record Penalties(double kernelL1, double kernelL2, double biasL1, double biasL2, double activityL2,
                     double outputKernelL2) {
        static final Penalties NONE = new Penalties(0, 0, 0, 0, 0, 0);
    }

    /** The optimizer: {@code sgd} (with momentum) or {@code adam}, Keras's update rules. */
    record Rule(String name, double lr, double momentum) {
    }

    double[][] w1;
    double[] b1;
    double[][] w2;
    double[] b2;
    private final Penalties penalties;
    private final Rule rule;
    private final List<double[][]> m = new ArrayList<>();
    private final List<double[][]> v = new ArrayList<>();
    private long t;

    DenseReference(float[][] w1, float[] b1, float[][] w2, float[] b2, Penalties penalties, Rule rule) {
        this.w1 = toDouble(w1);
        this.b1 = toDouble(b1);
        this.w2 = toDouble(w2);
        this.b2 = toDouble(b2);
        this.penalties = penalties;
        this.rule = rule;
        for (double[][] p : params()) {
            m.add(new double[p.length][p[0].length]);
            v.add(new double[p.length][p[0].length]);
        }
    }

    /** The loss (data loss plus penalties) of one batch at the current weights. */
    double loss(double[][] x, double[][] y, double[] weights) {
        return step(x, y, weights, false, null)[0];
    }

    /** One epoch over batches of {@code batchSize}; returns {loss, weighted accuracy, unweighted accuracy}. */
    double[] epoch(double[][] x, double[][] y, double[] weights, int batchSize) {
        int n = x.length;
        double lossSum = 0;
        double[] correct = new double[4];
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            double[][] bx = new double[rows][];
            double[][] by = new double[rows][];
            double[] bw = weights == null ? null : new double[rows];
            for (int r = 0; r < rows; r++) {
                bx[r] = x[start + r];
                by[r] = y[start + r];
                if (bw != null) {
                    bw[r] = weights[start + r];
                }
            }
            lossSum += step(bx, by, bw, true, correct)[0] * rows;
        }
        return new double[] {lossSum / n, correct[0] / correct[1], correct[2] / correct[3]};
    }

    /** Forward, loss, optionally backward and update; {@code correct} += {Σw·correct, Σw, Σcorrect, n}. */
    private double[] step(double[][] x, double[][] y, double[] sw, boolean update, double[] correct) {
        int n = x.length;
        int h = b1.length;
        int k = b2.length;
        double[][] a1 = new double[n][h];
        double[][] z2 = new double[n][k];
        double dataLoss = 0;
        double[][] dz2 = new double[n][k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < h; j++) {
                double s = b1[j];
                for (int i = 0; i < x[r].length; i++) {
                    s += x[r][i] * w1[i][j];
                }
                a1[r][j] = Math.tanh(s);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = b2[c];
                for (int j = 0; j < h; j++) {
                    s += a1[r][j] * w2[j][c];
                }
                z2[r][c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z2[r][c] - max);
            }
            double lse = max + Math.log(sum);
            double w = sw == null ? 1 : sw[r];
            double sample = 0;
            int argmaxP = 0;
            int argmaxT = 0;
            for (int c = 0; c < k; c++) {
                sample += y[r][c] * (lse - z2[r][c]);
                dz2[r][c] = w * (Math.exp(z2[r][c] - lse) - y[r][c]) / n;
                if (z2[r][c] > z2[r][argmaxP]) {
                    argmaxP = c;
                }
                if (y[r][c] > y[r][argmaxT]) {
                    argmaxT = c;
                }
            }
            dataLoss += w * sample / n;
            if (correct != null) {
                correct[0] += argmaxP == argmaxT ? w : 0;
                correct[1] += w;
                correct[2] += argmaxP == argmaxT ? 1 : 0;
                correct[3] += 1;
            }
        }
        Penalties p = penalties;
        double penalty = p.kernelL1() * sumAbs(w1) + p.kernelL2() * sumSq(w1)
                + p.biasL1() * sumAbs(new double[][] {b1}) + p.biasL2() * sumSq(new double[][] {b1})
                + p.activityL2() * sumSq(a1) / n + p.outputKernelL2() * sumSq(w2);
        double loss = dataLoss + penalty;
        if (!update) {
            return new double[] {loss};
        }
        double[][] gw2 = new double[h][k];
        double[][] gb2 = new double[1][k];
        double[][] da1 = new double[n][h];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                gb2[0][c] += dz2[r][c];
                for (int j = 0; j < h; j++) {
                    gw2[j][c] += a1[r][j] * dz2[r][c];
                    da1[r][j] += dz2[r][c] * w2[j][c];
                }
            }
        }
        double[][] gw1 = new double[w1.length][h];
        double[][] gb1 = new double[1][h];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < h; j++) {
                double d = (da1[r][j] + 2 * p.activityL2() * a1[r][j] / n) * (1 - a1[r][j] * a1[r][j]);
                gb1[0][j] += d;
                for (int i = 0; i < w1.length; i++) {
                    gw1[i][j] += x[r][i] * d;
                }
            }
        }
        for (int i = 0; i < w1.length; i++) {
            for (int j = 0; j < h; j++) {
                gw1[i][j] += p.kernelL1() * Math.signum(w1[i][j]) + 2 * p.kernelL2() * w1[i][j];
            }
        }
        for (int j = 0; j < h; j++) {
            gb1[0][j] += p.biasL1() * Math.signum(b1[j]) + 2 * p.biasL2() * b1[j];
            for (int c = 0; c < k; c++) {
                gw2[j][c] += 2 * p.outputKernelL2() * w2[j][c];
            }
        }
        double[][] b1m = {b1};
        double[][] b2m = {b2};
        List<double[][]> params = List.of(w1, b1m, w2, b2m);
        List<double[][]> grads = List.of(gw1, gb1, gw2, gb2);
        t++;
        for (int q = 0; q < params.size(); q++) {
            apply(params.get(q), grads.get(q), m.get(q), v.get(q));
        }
        return new double[] {loss};
    }

    private void apply(double[][] w, double[][] g, double[][] m, double[][] v) {
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                if (rule.name().equals("sgd")) {
                    m[i][j] = rule.momentum() * m[i][j] - rule.lr() * g[i][j];
                    w[i][j] += m[i][j];
                } else {
                    double b1 = 0.9;
                    double b2 = 0.999;
                    m[i][j] = b1 * m[i][j] + (1 - b1) * g[i][j];
                    v[i][j] = b2 * v[i][j] + (1 - b2) * g[i][j] * g[i][j];
                    double lrT = rule.lr() * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                    w[i][j] -= lrT * m[i][j] / (Math.sqrt(v[i][j]) + 1e-7);
                }
            }
        }
    }

    private List<double[][]> params() {
        return List.of(w1, new double[][] {b1}, w2, new double[][] {b2});
    }

    private static double sumAbs(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += Math.abs(v);
            }
        }
        return s;
    }

    private static double sumSq(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    static double[][] toDouble(float[][] a) {
        double[][] d = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            d[i] = toDouble(a[i]);
        }
        return d;
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
