package org.neurite.kernels.vector;

/**
 * How a product is cut into parts for threads: along output rows or output columns only, in
 * whole units (register blocks), so the parts never change how an element is computed. The same
 * policy as {@code neurite-core}'s portable kernels.
 */
final class Split {
    private Split() {
    }

    /**
     * {@code true} to split an m×n result by columns, {@code false} by rows. Every column part
     * packs all of A (m×k) and every row part all of B (k×n): where both give each thread a
     * part, duplicate the smaller one.
     */
    static boolean byColumns(int m, int n, int threads, int rowUnit, int columnUnit) {
        int columnUnits = units(n, columnUnit);
        int rowUnits = units(m, rowUnit);
        if (columnUnits >= threads && rowUnits >= threads) {
            return m <= n;
        }
        return columnUnits >= rowUnits;
    }

    /** The number of parts: at most {@code threads}, at most one per unit. */
    static int parts(int total, int unit, int threads) {
        return Math.min(threads, units(total, unit));
    }

    /** Where part {@code part} of {@code parts} starts, in {@code [0, total]}. */
    static int start(int part, int parts, int total, int unit) {
        long units = units(total, unit);
        return (int) Math.min(total, part * units / parts * unit);
    }

    private static int units(int total, int unit) {
        return (total + unit - 1) / unit;
    }
}
