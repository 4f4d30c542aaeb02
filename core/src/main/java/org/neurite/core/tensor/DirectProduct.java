package org.neurite.core.tensor;

import java.util.Arrays;

/**
 * The three products as plain loops, for operands so small (the XOR network's 4×2·2×8) that
 * packing or any set-up would cost more than the arithmetic.
 */
final class DirectProduct {
    private DirectProduct() {
    }

    /** {@code c = a·b}; a is m×k, b k×n. */
    static void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            int co = i * n;
            for (int p = 0; p < k; p++) {
                float av = a[i * k + p];
                int bo = p * n;
                for (int j = 0; j < n; j++) {
                    c[co + j] += av * b[bo + j];
                }
            }
        }
    }

    /** {@code c = aᵀ·b}; a is k×m, b k×n. */
    static void multiplyTransposeA(float[] a, float[] b, float[] c, int m, int k, int n) {
        Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            int co = i * n;
            for (int p = 0; p < k; p++) {
                float av = a[p * m + i];
                int bo = p * n;
                for (int j = 0; j < n; j++) {
                    c[co + j] += av * b[bo + j];
                }
            }
        }
    }

    /** {@code c = a·bᵀ}; a is m×k, b n×k. */
    static void multiplyTransposeB(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ao = i * k;
            for (int j = 0; j < n; j++) {
                int bo = j * k;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[ao + p] * b[bo + p];
                }
                c[i * n + j] = s;
            }
        }
    }
}
