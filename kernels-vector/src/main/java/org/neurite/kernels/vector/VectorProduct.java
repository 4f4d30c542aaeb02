package org.neurite.kernels.vector;

import org.neurite.core.tensor.BlockedKernels;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The three products on the Vector API, blocked the way BLAS libraries do (Goto's scheme):
 * a kc×nc panel of B is packed into strips of nr columns, an mc×kc block of A into strips of mr
 * rows (except for Aᵀ, whose mr values per step are already contiguous: its whole strips are
 * read in place, which made the weights' gradients a fifth faster), and a register tile of
 * mr×nr results is accumulated over kc steps of k: per step, nr/L vector loads of B, mr
 * broadcasts of A and mr×nr/L fused multiply-adds. The tile is shaped by
 * the vector width and the register count this JVM reports (see {@link #DEFAULT_TILE}).
 *
 * <p>This is the only class that touches {@code jdk.incubator.vector}; it is loaded only when
 * {@link VectorKernels#isAvailable()} is true.
 *
 * <p>Every element of C is computed by the same sequence wherever it lies: per block of k
 * (blocks depend on k alone), an accumulator starts at zero and takes one fused multiply-add
 * per step; the first block's sum is stored, each later one added to C. Padding rows and
 * columns of edge tiles never mix with real ones.
 */
final class VectorProduct {
    static final int NN = BlockedKernels.NN;
    static final int TN = BlockedKernels.TN;
    static final int NT = BlockedKernels.NT;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Integer lanes as wide as {@link #S}'s, for the bits of its floats. */
    private static final VectorSpecies<Integer> I = S.withLanes(int.class);
    private static final int EXPONENT = 0x7f800000;
    private static final int EXPONENT_ONE = 0x00800000;
    /** Floats per vector: 16 with AVX-512, 8 with AVX2, 4 with 128-bit vectors (NEON, SSE). */
    static final int L = S.length();
    /**
     * The vector registers the JIT allocates from: 32 on AArch64 and with AVX-512
     * ({@code -XX:UseAVX=3}), 16 with AVX2, AVX and SSE.
     */
    static final int REGISTERS = registers();
    /** The tile of 8 rows × 3 vectors: 24 accumulators, for 32 vector registers. */
    static final int TILE_8X3 = 1;
    /** The tile of 6 rows × 2 vectors: 12 accumulators, for 16 vector registers. */
    static final int TILE_6X2 = 2;
    /** The tile for this JVM's register file: the accumulators, B's vectors and A's broadcast fit. */
    static final int DEFAULT_TILE = REGISTERS >= 32 ? TILE_8X3 : TILE_6X2;
    /**
     * Products A·B whose A has at most this many rows skip packing ({@link #fewRows}); the
     * choice depends on the product's shape alone, never on how it is split across threads.
     */
    static final int FEW_ROWS = 4;
    /** At most this many steps of k per packed panel (blocks are balanced, see kBlock). */
    static final int KC = 256;
    /** Register tiles of A packed at a time, down the rows. */
    static final int MC_TILES = 16;
    /** Register tiles of B packed at a time, across the columns. */
    static final int NC_TILES = 16;

    private static final int NR8 = 3 * L;
    private static final int NR6 = 2 * L;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private VectorProduct() {
    }

    /** Rows of a tile. */
    static int rows(int tile) {
        return tile == TILE_8X3 ? 8 : 6;
    }

    /** Columns of a tile: whole vectors. */
    static int columns(int tile) {
        return (tile == TILE_8X3 ? 3 : 2) * L;
    }

    /** A short description of the shapes, for logs: width, registers and tile. */
    static String describe(int tile) {
        return (L * 32) + "-bit vectors, " + REGISTERS + " registers, " + rows(tile) + "×"
                + columns(tile) + " tiles";
    }

    private static int registers() {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("aarch64")) {
            return 32;
        }
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(bean.getVMOption("UseAVX").getValue()) >= 3 ? 32 : 16;
        } catch (RuntimeException | LinkageError e) {
            // no HotSpot flag to read: judge by the width (AVX-512 comes with 32 registers)
            return L >= 16 ? 32 : 16;
        }
    }

    /** Per-thread packing buffers, grown on demand and then reused. */
    private static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[8 * 3 * L];

        void ensure(int aSize, int bSize) {
            if (a.length < aSize) {
                a = new float[aSize];
            }
            if (b.length < bSize) {
                b = new float[bSize];
            }
        }
    }

    /** The length of the blocks k is cut into: at most KC, as equal as possible. */
    static int kBlock(int k) {
        int blocks = (k + KC - 1) / KC;
        return blocks == 0 ? 0 : (k + blocks - 1) / blocks;
    }

    private static int roundUp(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    /**
     * Computes rows {@code [i0, i1)} × columns {@code [j0, j1)} of the m×n product {@code op}
     * of {@code a} and {@code b} (inner dimension k) into {@code c} with register tiles of shape
     * {@code tile}; other elements are untouched.
     */
    static void compute(int op, float[] a, float[] b, float[] c, int m, int n, int k,
                        int i0, int i1, int j0, int j1, int tile) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (k == 0) {
            for (int i = i0; i < i1; i++) {
                Arrays.fill(c, i * n + j0, i * n + j1, 0f);
            }
            return;
        }
        if (op == NN && m <= FEW_ROWS) {
            fewRows(a, b, c, n, k, i0, i1, j0, j1);
            return;
        }
        int mr = rows(tile);
        int nr = columns(tile);
        int mcMax = mr * MC_TILES;
        int ncMax = nr * NC_TILES;
        int kb = kBlock(k);
        Scratch s = SCRATCH.get();
        s.ensure(roundUp(Math.min(mcMax, i1 - i0), mr) * kb, roundUp(Math.min(ncMax, j1 - j0), nr) * kb);
        float[] ap = s.a;
        float[] bp = s.b;
        for (int jc = j0; jc < j1; jc += ncMax) {
            int nc = Math.min(ncMax, j1 - jc);
            for (int pc = 0; pc < k; pc += kb) {
                int kc = Math.min(kb, k - pc);
                boolean first = pc == 0;
                Packing.packB(op, b, n, k, pc, kc, jc, nc, bp, nr);
                for (int ic = i0; ic < i1; ic += mcMax) {
                    int mc = Math.min(mcMax, i1 - ic);
                    // Aᵀ's whole strips are read where they lie (mr contiguous floats per step);
                    // A's rows, and a last partial strip, are packed
                    int inPlace = op == TN ? mc / mr * mr : 0;
                    if (inPlace < mc) {
                        Packing.packA(op, a, m, k, pc, kc, ic + inPlace, mc - inPlace, ap, mr);
                    }
                    for (int js = 0; js < nc; js += nr) {
                        int cols = Math.min(nr, nc - js);
                        int bo = js * kc;
                        for (int is = 0; is < mc; is += mr) {
                            int rows = Math.min(mr, mc - is);
                            boolean packed = is >= inPlace;
                            float[] as = packed ? ap : a;
                            int ao = packed ? (is - inPlace) * kc : pc * m + ic + is;
                            int step = packed ? mr : m;
                            if (tile == TILE_8X3) {
                                tile8x3(as, ao, step, bp, bo, kc, c, n, ic + is, jc + js, rows, cols,
                                        first, s.tile);
                            } else {
                                tile6x2(as, ao, step, bp, bo, kc, c, n, ic + is, jc + js, rows, cols,
                                        first, s.tile);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * C = A·B for the rows {@code [i0, i1)} of an A with at most {@link #FEW_ROWS} rows (a
     * prediction on one sample or a few): B is read once, row by row, straight from the
     * caller's array, without the packing that only pays when a packed panel serves many rows
     * of A. Each C row stays in L1 while every row of B is added into it,
     * {@code c[i, j] = fma(a[i, p], b[p, j], c[i, j])} for p = 0, 1, …: the same operations
     * for every element, vector lanes and scalar tail alike.
     */
    private static void fewRows(float[] a, float[] b, float[] c, int n, int k,
                                int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) {
            Arrays.fill(c, i * n + j0, i * n + j1, 0f);
        }
        int width = j1 - j0;
        int vectors = j0 + S.loopBound(width);
        for (int p = 0; p < k; p++) {
            int bo = p * n;
            for (int i = i0; i < i1; i++) {
                float x = a[i * k + p];
                int co = i * n;
                FloatVector xv = FloatVector.broadcast(S, x);
                int j = j0;
                for (; j < vectors; j += L) {
                    FloatVector.fromArray(S, b, bo + j).fma(xv, FloatVector.fromArray(S, c, co + j))
                            .intoArray(c, co + j);
                }
                for (; j < j1; j++) {
                    c[co + j] = Math.fma(x, b[bo + j], c[co + j]);
                }
            }
        }
    }

    /**
     * An 8×3-vector tile: 24 accumulators. Step p of A's strip is {@code ap[ao + p·step + r]},
     * r &lt; 8: a packed strip (step 8) or columns of Aᵀ in place (step m).
     */
    private static void tile8x3(float[] ap, int ao, int step, float[] bp, int bo, int kc,
                                float[] c, int n, int ci, int cj, int rows, int cols, boolean first,
                                float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c50 = z, c51 = z, c52 = z;
        FloatVector c60 = z, c61 = z, c62 = z, c70 = z, c71 = z, c72 = z;
        for (int p = 0, bi = bo, ai = ao; p < kc; p++, bi += NR8, ai += step) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            c62 = b2.fma(x, c62);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
            c72 = b2.fma(x, c72);
        }
        // Through the L1-resident tile buffer: storing straight into C from here makes the
        // method too big for C2 to inline the vector calls, and then nothing is intrinsified.
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR8);
        c11.intoArray(tile, NR8 + L);
        c12.intoArray(tile, NR8 + 2 * L);
        c20.intoArray(tile, 2 * NR8);
        c21.intoArray(tile, 2 * NR8 + L);
        c22.intoArray(tile, 2 * NR8 + 2 * L);
        c30.intoArray(tile, 3 * NR8);
        c31.intoArray(tile, 3 * NR8 + L);
        c32.intoArray(tile, 3 * NR8 + 2 * L);
        c40.intoArray(tile, 4 * NR8);
        c41.intoArray(tile, 4 * NR8 + L);
        c42.intoArray(tile, 4 * NR8 + 2 * L);
        c50.intoArray(tile, 5 * NR8);
        c51.intoArray(tile, 5 * NR8 + L);
        c52.intoArray(tile, 5 * NR8 + 2 * L);
        c60.intoArray(tile, 6 * NR8);
        c61.intoArray(tile, 6 * NR8 + L);
        c62.intoArray(tile, 6 * NR8 + 2 * L);
        c70.intoArray(tile, 7 * NR8);
        c71.intoArray(tile, 7 * NR8 + L);
        c72.intoArray(tile, 7 * NR8 + 2 * L);
        writeTile(tile, NR8, c, n, ci, cj, rows, cols, first);
    }

    /** A 6×2-vector tile: 12 accumulators, for 16-register machines; A as in {@link #tile8x3}. */
    private static void tile6x2(float[] ap, int ao, int step, float[] bp, int bo, int kc,
                                float[] c, int n, int ci, int cj, int rows, int cols, boolean first,
                                float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int p = 0, bi = bo, ai = ao; p < kc; p++, bi += NR6, ai += step) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR6);
        c11.intoArray(tile, NR6 + L);
        c20.intoArray(tile, 2 * NR6);
        c21.intoArray(tile, 2 * NR6 + L);
        c30.intoArray(tile, 3 * NR6);
        c31.intoArray(tile, 3 * NR6 + L);
        c40.intoArray(tile, 4 * NR6);
        c41.intoArray(tile, 4 * NR6 + L);
        c50.intoArray(tile, 5 * NR6);
        c51.intoArray(tile, 5 * NR6 + L);
        writeTile(tile, NR6, c, n, ci, cj, rows, cols, first);
    }

    /**
     * Stores the valid rows × cols of a tile (row stride nr) into C at (ci, cj), or adds them
     * unless {@code first}: the same float additions in vector and scalar form.
     */
    private static void writeTile(float[] tile, int nr, float[] c, int n, int ci, int cj,
                                  int rows, int cols, boolean first) {
        for (int r = 0; r < rows; r++) {
            int o = (ci + r) * n + cj;
            int t = r * nr;
            if (first) {
                System.arraycopy(tile, t, c, o, cols);
            } else if (cols == nr) {
                for (int v = 0; v < nr; v += L) {
                    FloatVector.fromArray(S, tile, t + v).add(FloatVector.fromArray(S, c, o + v))
                            .intoArray(c, o + v);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    c[o + j] += tile[t + j];
                }
            }
        }
    }

    /**
     * {@code true} if no element is NaN or infinite: {@link org.neurite.core.tensor.Matrix#isFinite()}'s
     * test (an all-ones exponent plus one carries into the sign bit), on whole vectors of bits.
     */
    static boolean isFinite(float[] d) {
        IntVector carry = IntVector.zero(I);
        int i = 0;
        for (int bound = S.loopBound(d.length); i < bound; i += L) {
            carry = carry.or(FloatVector.fromArray(S, d, i).reinterpretAsInts().and(EXPONENT).add(EXPONENT_ONE));
        }
        int bits = carry.reduceLanes(VectorOperators.OR);
        for (; i < d.length; i++) {
            bits |= (Float.floatToRawIntBits(d[i]) & EXPONENT) + EXPONENT_ONE;
        }
        return bits >= 0;
    }

    /** {@code m[r, :] += row} for every row. */
    static void addRowVector(float[] d, float[] v, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, d, o + c).add(FloatVector.fromArray(S, v, c))
                        .intoArray(d, o + c);
            }
            for (; c < cols; c++) {
                d[o + c] += v[c];
            }
        }
    }

    /** {@code s[c] = Σ_r d[r, c]}, adding rows in order. */
    static void sumRows(float[] d, float[] s, int rows, int cols) {
        Arrays.fill(s, 0, cols, 0f);
        int bound = S.loopBound(cols);
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, s, c).add(FloatVector.fromArray(S, d, o + c))
                        .intoArray(s, c);
            }
            for (; c < cols; c++) {
                s[c] += d[o + c];
            }
        }
    }
}
