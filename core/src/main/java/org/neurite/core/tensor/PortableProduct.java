package org.neurite.core.tensor;

import java.util.Arrays;

/**
 * The cache- and register-blocked products behind {@link PortableKernels}, written for C2's
 * auto-vectorizer.
 *
 * <p>C2 (JDK 17) leaves a loop scalar when its loads and stores index one array type at
 * different offsets, since it cannot rule out overlap. So a block of B is packed into one array
 * per row ({@code panel[p]}), four rows of C are copied into four scratch arrays, and the inner
 * loops index all of them with the same {@code j}: {@code c0[j] = fma(a01, b1[j], fma(a00,
 * b0[j], c0[j]))}. A block of 4 rows × 2 steps of k is the largest that C2 reliably vectorizes
 * (wider ones stay scalar); it runs at ~90 GFLOP/s with 512-bit FMA on the reference machine.
 *
 * <p>Every element of C is computed by the same sequence: starting from zero, one fused
 * multiply-add per step of k, in order, with k cut into blocks that depend on k alone. Where
 * the element lies (which block of rows or columns, which thread) never changes its value.
 */
final class PortableProduct {
    /** The operations: {@code a·b}, {@code aᵀ·b}, {@code a·bᵀ}. */
    static final int NN = BlockedKernels.NN;
    static final int TN = BlockedKernels.TN;
    static final int NT = BlockedKernels.NT;

    /** Rows of C computed together. */
    static final int MR = 4;
    /** At most this many steps of k per packed panel (blocks are balanced, see kBlock). */
    static final int KC = 256;
    /** At most this many columns per packed panel: KC × NC floats stay in L2. */
    static final int NC = 512;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private PortableProduct() {
    }

    /** Per-thread buffers, grown on demand and then reused. */
    static final class Scratch {
        float[][] panel = new float[0][];
        int panelWidth;
        float[] c0 = new float[0];
        float[] c1 = c0;
        float[] c2 = c0;
        float[] c3 = c0;

        void ensure(int kc, int nc) {
            if (panel.length < kc || panelWidth < nc) {
                int w = Math.max(nc, panelWidth);
                panel = new float[Math.max(kc, panel.length)][w];
                panelWidth = w;
            }
            ensureRows(nc);
        }

        private void ensureRows(int nc) {
            if (c0.length < nc) {
                c0 = new float[nc];
                c1 = new float[nc];
                c2 = new float[nc];
                c3 = new float[nc];
            }
        }

        /** A row buffer of at least {@code n} floats (shares c0). */
        float[] row(int n) {
            ensureRows(n);
            return c0;
        }
    }

    static Scratch scratch() {
        return SCRATCH.get();
    }

    /** The length of the blocks k is cut into: at most KC, as equal as possible. */
    static int kBlock(int k) {
        int blocks = (k + KC - 1) / KC;
        return blocks == 0 ? 0 : (k + blocks - 1) / blocks;
    }

    /**
     * Computes rows {@code [i0, i1)} × columns {@code [j0, j1)} of the m×n product {@code op}
     * of {@code a} and {@code b} (inner dimension k) into {@code c}; other elements untouched.
     * With {@code fma} false, each step is a multiply then an add instead of a fused one.
     */
    static void compute(int op, float[] a, float[] b, float[] c, int m, int n, int k,
                        int i0, int i1, int j0, int j1, boolean fma) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (k == 0) {
            for (int i = i0; i < i1; i++) {
                Arrays.fill(c, i * n + j0, i * n + j1, 0f);
            }
            return;
        }
        // element (i, p) of the left operand is a[i * ars + p * acs]
        int ars = op == TN ? 1 : k;
        int acs = op == TN ? m : 1;
        int kb = kBlock(k);
        Scratch s = scratch();
        s.ensure(Math.min(kb, k), Math.min(NC, j1 - j0));
        float[][] panel = s.panel;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += kb) {
                int kc = Math.min(kb, k - pc);
                pack(op, b, n, k, pc, kc, jc, nc, panel);
                int i = i0;
                for (; i + MR <= i1; i += MR) {
                    load(c, i, n, jc, nc, pc == 0, s.c0, s.c1, s.c2, s.c3);
                    block4(a, i * ars, ars, acs, pc, kc, panel, s.c0, s.c1, s.c2, s.c3, nc, fma);
                    store(c, i, n, jc, nc, s.c0, s.c1, s.c2, s.c3);
                }
                for (; i < i1; i++) {
                    float[] c0 = s.c0;
                    if (pc == 0) {
                        Arrays.fill(c0, 0, nc, 0f);
                    } else {
                        System.arraycopy(c, i * n + jc, c0, 0, nc);
                    }
                    block1(a, i * ars, acs, pc, kc, panel, c0, nc, fma);
                    System.arraycopy(c0, 0, c, i * n + jc, nc);
                }
            }
        }
    }

    /** Copies the kc×nc block of B at (pc, jc) (of Bᵀ for NT) into one array per row. */
    private static void pack(int op, float[] b, int n, int k, int pc, int kc, int jc, int nc,
                             float[][] panel) {
        if (op == NT) {
            // b is n×k: panel[p][j] = b[(jc + j) * k + pc + p]; walk b row by row
            for (int j = 0; j < nc; j++) {
                int bo = (jc + j) * k + pc;
                for (int p = 0; p < kc; p++) {
                    panel[p][j] = b[bo + p];
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (pc + p) * n + jc, panel[p], 0, nc);
            }
        }
    }

    private static void load(float[] c, int i, int n, int jc, int nc, boolean zero,
                             float[] c0, float[] c1, float[] c2, float[] c3) {
        if (zero) {
            Arrays.fill(c0, 0, nc, 0f);
            Arrays.fill(c1, 0, nc, 0f);
            Arrays.fill(c2, 0, nc, 0f);
            Arrays.fill(c3, 0, nc, 0f);
        } else {
            int o = i * n + jc;
            System.arraycopy(c, o, c0, 0, nc);
            System.arraycopy(c, o + n, c1, 0, nc);
            System.arraycopy(c, o + 2 * n, c2, 0, nc);
            System.arraycopy(c, o + 3 * n, c3, 0, nc);
        }
    }

    private static void store(float[] c, int i, int n, int jc, int nc,
                              float[] c0, float[] c1, float[] c2, float[] c3) {
        int o = i * n + jc;
        System.arraycopy(c0, 0, c, o, nc);
        System.arraycopy(c1, 0, c, o + n, nc);
        System.arraycopy(c2, 0, c, o + 2 * n, nc);
        System.arraycopy(c3, 0, c, o + 3 * n, nc);
    }

    /** Four rows of C (starting at a's offset {@code ao}) over kc steps of k from pc. */
    private static void block4(float[] a, int ao, int ars, int acs, int pc, int kc,
                               float[][] panel, float[] c0, float[] c1, float[] c2, float[] c3,
                               int nc, boolean fma) {
        int a0 = ao + pc * acs;
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        int shape = fma ? FMA_4X2 : ADD_4X2;
        int p = 0;
        for (; p + 2 <= kc; p += 2, a0 += 2 * acs, a1 += 2 * acs, a2 += 2 * acs, a3 += 2 * acs) {
            kernel(shape, panel[p], panel[p + 1], c0, c1, c2, c3,
                    a[a0], a[a0 + acs], a[a1], a[a1 + acs],
                    a[a2], a[a2 + acs], a[a3], a[a3 + acs], nc);
        }
        if (p < kc) {
            kernel(shape + 1, panel[p], null, c0, c1, c2, c3,
                    a[a0], 0f, a[a1], 0f, a[a2], 0f, a[a3], 0f, nc);
        }
    }

    /** One row of C: the same sequence of operations per element as {@link #block4}. */
    private static void block1(float[] a, int ao, int acs, int pc, int kc, float[][] panel,
                               float[] c0, int nc, boolean fma) {
        int a0 = ao + pc * acs;
        int shape = fma ? FMA_1X2 : ADD_1X2;
        int p = 0;
        for (; p + 2 <= kc; p += 2, a0 += 2 * acs) {
            kernel(shape, panel[p], panel[p + 1], c0, null, null, null,
                    a[a0], a[a0 + acs], 0f, 0f, 0f, 0f, 0f, 0f, nc);
        }
        if (p < kc) {
            kernel(shape + 1, panel[p], null, c0, null, null, null,
                    a[a0], 0f, 0f, 0f, 0f, 0f, 0f, 0f, nc);
        }
    }

    // Kernel shapes: rows of C × steps of k, fused or as multiply-then-add.
    private static final int FMA_4X2 = 0;
    private static final int FMA_1X2 = 2;
    private static final int ADD_4X2 = 4;
    private static final int ADD_1X2 = 6;

    /**
     * {@code c_r[j] = fma(a_r1, b1[j], fma(a_r0, b0[j], c_r[j]))} for the rows and steps of
     * {@code shape} (steps of 1 use only b0 and a_r0); every loop indexes all its arrays with
     * the same j, which is what C2 vectorizes.
     *
     * <p>All shapes live in this one method on purpose: its bytecode is larger than C2's
     * inlining limit for hot methods (FreqInlineSize, 325 bytes), so it is compiled on its own.
     * Inlined into the loop over k, the extra live values make C2 spill the row pointers inside
     * the vector loop, which measured ~45% slower.
     */
    private static void kernel(int shape, float[] b0, float[] b1,
                               float[] c0, float[] c1, float[] c2, float[] c3,
                               float a00, float a01, float a10, float a11,
                               float a20, float a21, float a30, float a31, int nc) {
        switch (shape) {
            case FMA_4X2 -> {
                for (int j = 0; j < nc; j++) {
                    float x0 = b0[j];
                    float x1 = b1[j];
                    c0[j] = Math.fma(a01, x1, Math.fma(a00, x0, c0[j]));
                    c1[j] = Math.fma(a11, x1, Math.fma(a10, x0, c1[j]));
                    c2[j] = Math.fma(a21, x1, Math.fma(a20, x0, c2[j]));
                    c3[j] = Math.fma(a31, x1, Math.fma(a30, x0, c3[j]));
                }
            }
            case FMA_4X2 + 1 -> {
                for (int j = 0; j < nc; j++) {
                    float x0 = b0[j];
                    c0[j] = Math.fma(a00, x0, c0[j]);
                    c1[j] = Math.fma(a10, x0, c1[j]);
                    c2[j] = Math.fma(a20, x0, c2[j]);
                    c3[j] = Math.fma(a30, x0, c3[j]);
                }
            }
            case FMA_1X2 -> {
                for (int j = 0; j < nc; j++) {
                    c0[j] = Math.fma(a01, b1[j], Math.fma(a00, b0[j], c0[j]));
                }
            }
            case FMA_1X2 + 1 -> {
                for (int j = 0; j < nc; j++) {
                    c0[j] = Math.fma(a00, b0[j], c0[j]);
                }
            }
            // Without hardware FMA, Math.fma is emulated ~100× slower: multiply, then add.
            // Row by row, since C2 leaves the four-row form of these loops scalar.
            case ADD_4X2 -> {
                addRow(c0, b0, b1, a00, a01, nc);
                addRow(c1, b0, b1, a10, a11, nc);
                addRow(c2, b0, b1, a20, a21, nc);
                addRow(c3, b0, b1, a30, a31, nc);
            }
            case ADD_4X2 + 1 -> {
                addRow(c0, b0, a00, nc);
                addRow(c1, b0, a10, nc);
                addRow(c2, b0, a20, nc);
                addRow(c3, b0, a30, nc);
            }
            case ADD_1X2 -> addRow(c0, b0, b1, a00, a01, nc);
            case ADD_1X2 + 1 -> addRow(c0, b0, a00, nc);
            default -> throw new AssertionError("kernel shape " + shape);
        }
    }

    private static void addRow(float[] c, float[] b0, float[] b1, float a0, float a1, int nc) {
        for (int j = 0; j < nc; j++) {
            c[j] = c[j] + a0 * b0[j] + a1 * b1[j];
        }
    }

    private static void addRow(float[] c, float[] b0, float a0, int nc) {
        for (int j = 0; j < nc; j++) {
            c[j] = c[j] + a0 * b0[j];
        }
    }
}
