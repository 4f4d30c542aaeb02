package org.neurite.core.tensor;

/**
 * How a product is cut into parts for threads: along output rows or output columns only, in
 * whole units (register blocks), so the parts never change how an element is computed.
 */
final class Split {
    /** Columns per unit when splitting by columns: one 512-bit vector of floats. */
    static final int COLUMN_UNIT = 16;

    private Split() {
    }

    /**
     * {@code true} to split an m×n result by columns, {@code false} by rows. Column parts each
     * pack their own slice of B, while row parts would all pack the whole of it: columns win
     * whenever there are enough of them.
     */
    static boolean byColumns(int m, int n, int threads, int rowUnit, int columnUnit) {
        int columnUnits = units(n, columnUnit);
        return columnUnits >= threads || columnUnits >= units(m, rowUnit);
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
