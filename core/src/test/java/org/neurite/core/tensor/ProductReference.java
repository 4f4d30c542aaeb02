package org.neurite.core.tensor;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/** Triple-loop products in double, and the checks that compare kernels against them. */
final class ProductReference {
    /** Float rounding of a k-term dot product is at most about k·2⁻²⁴·Σ|a||b|; allow (k+4)·2⁻²³. */
    private static final double ULP = Math.scalb(1.0, -23);

    enum Op { NN, TN, NT }

    private ProductReference() {
    }

    /** A rows×cols matrix of uniform values in [-1, 1), from an explicit seed. */
    static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }

    /** The left operand's shape for an m×k·k×n product under {@code op}. */
    static Matrix left(Op op, int m, int k, long seed) {
        return op == Op.TN ? random(k, m, seed) : random(m, k, seed);
    }

    /** The right operand's shape for an m×k·k×n product under {@code op}. */
    static Matrix right(Op op, int k, int n, long seed) {
        return op == Op.NT ? random(n, k, seed) : random(k, n, seed);
    }

    static void apply(Kernels kernels, Op op, Matrix a, Matrix b, Matrix c) {
        switch (op) {
            case NN -> kernels.multiply(a, b, c);
            case TN -> kernels.multiplyTransposeA(a, b, c);
            case NT -> kernels.multiplyTransposeB(a, b, c);
        }
    }

    private static float leftAt(Op op, Matrix a, int i, int p) {
        return op == Op.TN ? a.get(p, i) : a.get(i, p);
    }

    private static float rightAt(Op op, Matrix b, int p, int j) {
        return op == Op.NT ? b.get(j, p) : b.get(p, j);
    }

    /** Fails unless every element of {@code c} is within float rounding of the exact product. */
    static void assertProduct(Op op, Matrix a, Matrix b, Matrix c, int m, int k, int n,
                              String context) {
        if (c.rows() != m || c.cols() != n) {
            fail(context + ": result is " + c.shape() + ", expected " + m + "×" + n);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double term = (double) leftAt(op, a, i, p) * rightAt(op, b, p, j);
                    exact += term;
                    magnitude += Math.abs(term);
                }
                double tolerance = (k + 4) * ULP * magnitude;
                float actual = c.get(i, j);
                if (!(Math.abs(actual - exact) <= tolerance)) {
                    fail(context + ": element (" + i + ", " + j + ") is " + actual + ", expected "
                            + exact + " ± " + tolerance);
                }
            }
        }
    }
}
