package org.neurite.kernels.vector;

import java.util.Arrays;

/**
 * Copies blocks of the operands into the layout the register tiles of {@link VectorProduct}
 * read in order: strips of B, kc×nr, row-major; strips of A, kc×mr, the mr values of one step
 * of k together. Edges are zero-padded to whole strips. Plain Java: no Vector API here.
 */
final class Packing {
    static final int NN = VectorProduct.NN;
    static final int TN = VectorProduct.TN;
    static final int NT = VectorProduct.NT;

    private Packing() {
    }

    /**
     * Packs rows [pc, pc+kc) × columns [jc, jc+nc) of B (of Bᵀ for NT) into strips of nr
     * columns, each strip kc×nr and row-major, zero-padded to whole strips.
     */
    static void packB(int op, float[] b, int n, int k, int pc, int kc, int jc, int nc,
                      float[] bp, int nr) {
        for (int js = 0; js < nc; js += nr) {
            int w = Math.min(nr, nc - js);
            int base = js * kc;
            if (op == NT) {
                // b is n×k: column j of the product is row j of b, contiguous in p
                for (int jj = 0; jj < w; jj++) {
                    int src = (jc + js + jj) * k + pc;
                    for (int p = 0, dst = base + jj; p < kc; p++, dst += nr) {
                        bp[dst] = b[src + p];
                    }
                }
                for (int jj = w; jj < nr; jj++) {
                    for (int p = 0, dst = base + jj; p < kc; p++, dst += nr) {
                        bp[dst] = 0f;
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    System.arraycopy(b, (pc + p) * n + jc + js, bp, dst, w);
                    if (w < nr) {
                        Arrays.fill(bp, dst + w, dst + nr, 0f);
                    }
                }
            }
        }
    }

    /**
     * Packs rows [ic, ic+mc) × columns [pc, pc+kc) of A (of Aᵀ for TN) into strips of mr
     * rows, each strip kc×mr with the mr values of one step of k together, zero-padded.
     */
    static void packA(int op, float[] a, int m, int k, int pc, int kc, int ic, int mc,
                      float[] ap, int mr) {
        for (int is = 0; is < mc; is += mr) {
            int h = Math.min(mr, mc - is);
            int base = is * kc;
            if (op == TN) {
                // a is k×m: the rows of the product are columns of a, contiguous in i
                // mr floats per step: a plain loop, not a System.arraycopy call each (and no
                // vector copy: JDK 17's C2 does not intrinsify storing a vector it just loaded)
                if (h == mr) {
                    for (int p = 0, src = pc * m + ic + is, dst = base; p < kc; p++, src += m, dst += mr) {
                        for (int ii = 0; ii < mr; ii++) {
                            ap[dst + ii] = a[src + ii];
                        }
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        int dst = base + p * mr;
                        System.arraycopy(a, (pc + p) * m + ic + is, ap, dst, h);
                        Arrays.fill(ap, dst + h, dst + mr, 0f);
                    }
                }
            } else {
                for (int ii = 0; ii < h; ii++) {
                    int src = (ic + is + ii) * k + pc;
                    for (int p = 0, dst = base + ii; p < kc; p++, dst += mr) {
                        ap[dst] = a[src + p];
                    }
                }
                for (int ii = h; ii < mr; ii++) {
                    for (int p = 0, dst = base + ii; p < kc; p++, dst += mr) {
                        ap[dst] = 0f;
                    }
                }
            }
        }
    }
}
