package org.neurite.spark;

import java.io.Serializable;
import org.neurite.core.tensor.Matrix;

/**
 * One partition's rows arranged for an epoch: {@code rows[start[b] .. start[b+1])} are this
 * partition's share of global batch {@code b}, in the order the batch lists them.
 */
final class Batches implements Serializable {
    private static final long serialVersionUID = 1L;

    final Block block;
    private final int[] rows;
    private final int[] start;

    Batches(Block block, int[] rows, int[] start) {
        this.block = block;
        this.rows = rows;
        this.start = start;
    }

    /** The number of this partition's rows in global batch {@code batch}. */
    int rows(int batch) {
        return batch + 1 < start.length ? start[batch + 1] - start[batch] : 0;
    }

    /** Copies this partition's share of {@code batch} into {@code x} and {@code y}. */
    void gather(int batch, Matrix x, Matrix y) {
        int in = block.inputs;
        int out = block.targets;
        for (int r = 0, i = start[batch]; i < start[batch + 1]; r++, i++) {
            System.arraycopy(block.x, rows[i] * in, x.data(), r * in, in);
            System.arraycopy(block.y, rows[i] * out, y.data(), r * out, out);
        }
    }
}
