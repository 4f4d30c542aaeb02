package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/**
 * Random operands and the double-precision triple loops {@link KernelsContract} compares kernels
 * against. The tolerance is the one the contract documents: (k+4)·2⁻²³·Σ|aᵢₚ||bₚⱼ| for a
 * k-term sum.
 */
final class ProductReference {
    /** 2⁻²³, twice the unit roundoff of float. */
    private static final double ULP = Math.scalb(1.0, -23);

    /** The three products of {@link Kernels}, as m×k·k×n with the stored operands' shapes. */
    enum Op {
        /** {@code c = a·b}. */
        NN,
        /** {@code c = aᵀ·b}: {@code a} is stored k×m. */
        TN,
        /** {@code c = a·bᵀ}: {@code b} is stored n×k. */
        NT;

        /** The left operand of an m×k·k×n product, uniform in [-1, 1) from {@code seed}. */
        Matrix left(int m, int k, long seed) {
            return this == TN ? random(k, m, seed) : random(m, k, seed);
        }

        /** The right operand of an m×k·k×n product, uniform in [-1, 1) from {@code seed}. */
        Matrix right(int k, int n, long seed) {
            return this == NT ? random(n, k, seed) : random(k, n, seed);
        }

        void apply(Kernels kernels, Matrix a, Matrix b, Matrix c) {
            switch (this) {
                case NN -> kernels.multiply(a, b, c);
                case TN -> kernels.multiplyTransposeA(a, b, c);
                case NT -> kernels.multiplyTransposeB(a, b, c);
            }
        }

        /** Such as {@code 4×3ᵀ·4×8} for the stored shapes. */
        String describe(int m, int k, int n) {
            return switch (this) {
                case NN -> m + "×" + k + "·" + k + "×" + n;
                case TN -> k + "×" + m + "ᵀ·" + k + "×" + n;
                case NT -> m + "×" + k + "·" + n + "×" + k + "ᵀ";
            };
        }

        private float leftAt(Matrix a, int i, int p) {
            return this == TN ? a.get(p, i) : a.get(i, p);
        }

        private float rightAt(Matrix b, int p, int j) {
            return this == NT ? b.get(j, p) : b.get(p, j);
        }
    }

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

    /** The allowed error of a float sum of {@code terms} terms with magnitudes adding up to {@code magnitude}. */
    static double tolerance(int terms, double magnitude) {
        return (terms + 4) * ULP * magnitude;
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
                    double term = (double) op.leftAt(a, i, p) * op.rightAt(b, p, j);
                    exact += term;
                    magnitude += Math.abs(term);
                }
                assertClose(c.get(i, j), exact, tolerance(k, magnitude), context, i, j);
            }
        }
    }

    /** Fails unless {@code out} holds the column sums of {@code m} to within float rounding. */
    static void assertColumnSums(Matrix m, Matrix out, String context) {
        for (int j = 0; j < m.cols(); j++) {
            double exact = 0;
            double magnitude = 0;
            for (int r = 0; r < m.rows(); r++) {
                exact += m.get(r, j);
                magnitude += Math.abs(m.get(r, j));
            }
            assertClose(out.get(0, j), exact, tolerance(m.rows(), magnitude), context, 0, j);
        }
    }

    private static void assertClose(float actual, double exact, double tolerance, String context,
                                    int i, int j) {
        // written so that NaN, a never-written element of a NaN-filled result, fails
        if (!(Math.abs(actual - exact) <= tolerance)) {
            fail(context + ": element (" + i + ", " + j + ") is " + actual + ", expected "
                    + exact + " ± " + tolerance);
        }
    }
}
