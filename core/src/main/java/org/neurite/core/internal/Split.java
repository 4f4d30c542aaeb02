package org.neurite.core.internal;

/**
 * How a product is cut into parts for threads, for every kernels implementation: along output
 * rows or output columns only, in whole units (register blocks), so the parts never change how
 * an element is computed and results are the same for every thread count.
 */
public final class Split {
    private Split() {
    }

    /**
     * {@code true} to split an m×n result by columns, {@code false} by rows. Every row part packs
     * all of B (k×n); every column part packs all of A (m×k) when the kernels pack A, and nothing
     * of it otherwise: where both ways give each thread a part, the one that duplicates less
     * packing wins; otherwise the way with more units.
     *
     * @param packsA whether the kernels pack blocks of A (each column part then repeats that)
     */
    public static boolean byColumns(int m, int n, int threads, int rowUnit, int columnUnit,
                                    boolean packsA) {
        int columnUnits = units(n, columnUnit);
        int rowUnits = units(m, rowUnit);
        if (columnUnits >= threads && rowUnits >= threads) {
            return !packsA || m <= n;
        }
        return columnUnits >= rowUnits;
    }

    /** The number of parts: at most {@code threads}, at most one per unit. */
    public static int parts(int total, int unit, int threads) {
        return Math.min(threads, units(total, unit));
    }

    /** Where part {@code part} of {@code parts} starts, in {@code [0, total]}. */
    public static int start(int part, int parts, int total, int unit) {
        long units = units(total, unit);
        return (int) Math.min(total, part * units / parts * unit);
    }

    private static int units(int total, int unit) {
        return (total + unit - 1) / unit;
    }
}
