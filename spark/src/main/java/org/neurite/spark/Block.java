package org.neurite.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import scala.Tuple2;

/**
 * All samples of one partition as two row-major arrays, with the global index of its first
 * row: the form in which training data stay cached on the executors. Immutable by convention.
 */
final class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final long first;
    final int rows;
    final int inputs;
    final int targets;
    final float[] x;
    final float[] y;

    Block(int partition, long first, int rows, int inputs, int targets, float[] x, float[] y) {
        this.partition = partition;
        this.first = first;
        this.rows = rows;
        this.inputs = inputs;
        this.targets = targets;
        this.x = x;
        this.y = y;
    }

    /**
     * The samples of one partition, with their global indices (consecutive, as
     * {@code zipWithIndex} gives them), checked against the network's widths.
     */
    static Block of(int partition, Iterator<Tuple2<Sample, Long>> samples, int inputs, int targets) {
        float[] x = new float[16 * inputs];
        float[] y = new float[16 * targets];
        long first = -1;
        int rows = 0;
        while (samples.hasNext()) {
            Tuple2<Sample, Long> next = samples.next();
            Sample s = next._1();
            if (first < 0) {
                first = next._2();
            }
            if (s.x().length != inputs || s.y().length != targets) {
                throw new IllegalArgumentException("sample " + next._2() + " has " + s.x().length
                        + " inputs and " + s.y().length + " targets, but the network takes " + inputs
                        + " inputs and its loss needs " + targets + " targets per sample");
            }
            if ((long) (rows + 1) * Math.max(inputs, targets) > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("partition " + partition + " holds more than " + rows
                        + " samples of " + inputs + " inputs, more than one array can hold; "
                        + "repartition the data into more partitions");
            }
            if ((rows + 1) * inputs > x.length) {
                x = Arrays.copyOf(x, (int) Math.min(Integer.MAX_VALUE - 8, 2L * x.length));
                y = Arrays.copyOf(y, (int) Math.min(Integer.MAX_VALUE - 8, 2L * y.length));
            }
            System.arraycopy(s.x(), 0, x, rows * inputs, inputs);
            System.arraycopy(s.y(), 0, y, rows * targets, targets);
            rows++;
        }
        return new Block(partition, Math.max(first, 0), rows, inputs, targets,
                Arrays.copyOf(x, rows * inputs), Arrays.copyOf(y, rows * targets));
    }

    /** The rows whose global index is in {@code [from, to)}, as a block of this partition. */
    Block slice(long from, long to) {
        int lo = (int) Math.min(rows, Math.max(0, from - first));
        int hi = (int) Math.min(rows, Math.max(lo, to - first));
        return new Block(partition, first + lo, hi - lo, inputs, targets,
                Arrays.copyOfRange(x, lo * inputs, hi * inputs), Arrays.copyOfRange(y, lo * targets, hi * targets));
    }

    /** Rows {@code [from, to)} as a data set (copied). */
    Dataset rows(int from, int to) {
        return new Dataset(Matrix.wrap(to - from, inputs, Arrays.copyOfRange(x, from * inputs, to * inputs)),
                Matrix.wrap(to - from, targets, Arrays.copyOfRange(y, from * targets, to * targets)));
    }
}
