package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/**
 * Contract tests for a {@link MetricType}: subclass it in a JUnit 5 test and return the metric.
 * On top of the shared checks of every component (name, hyperparameters, determinism, thread
 * safety) it checks that a {@link Metric}:
 * <ul>
 *   <li>gives the same value for a batch added whole or in several parts, as Keras reports a
 *       metric over an epoch's batches;</li>
 *   <li>gives the same value with sample weights of 1 as without weights, and with a weight of
 *       2 on a row as with that row twice;</li>
 *   <li>if it declares {@link MetricType#isSampleMean()}, combines over parts of the data as
 *       the rows-weighted mean of the parts' results (what distributed training relies on);</li>
 *   <li>leaves its inputs unchanged, and two accumulators of one type do not interfere;</li>
 *   <li>gives a finite value for finite inputs.</li>
 * </ul>
 * Predictions are drawn as rows of probabilities and targets as one-hot rows by default;
 * override {@link #predictions} and {@link #targets} for metrics that need other data.
 *
 * <pre>{@code
 * class MaxErrorContractTest extends MetricContract {
 *     @Override
 *     protected MetricType metric() {
 *         return new MaxError();
 *     }
 * }
 * }</pre>
 */
public abstract class MetricContract extends ComponentContract<MetricType> {
    private static final int ROWS = 24;

    /** The metric under test, configured as it is discovered. */
    protected abstract MetricType metric();

    /** The number of output columns the metric is checked with (default 4). */
    protected int outputColumns() {
        return 4;
    }

    /** The number of target columns (default: as many as outputs). */
    protected int targetColumns() {
        return outputColumns();
    }

    /** {@code rows} predictions: by default rows of probabilities that sum to 1. */
    protected Matrix predictions(int rows, SplittableRandom random) {
        Matrix p = new Matrix(rows, outputColumns());
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < p.cols(); c++) {
                double v = 0.05 + random.nextDouble();
                p.set(r, c, (float) v);
                sum += v;
            }
            for (int c = 0; c < p.cols(); c++) {
                p.set(r, c, (float) (p.get(r, c) / sum));
            }
        }
        return p;
    }

    /** {@code rows} targets: by default one-hot rows (class indices for one target column). */
    protected Matrix targets(int rows, SplittableRandom random) {
        Matrix t = new Matrix(rows, targetColumns());
        for (int r = 0; r < rows; r++) {
            int k = random.nextInt(outputColumns());
            if (targetColumns() == 1) {
                t.set(r, 0, k);
            } else {
                t.set(r, k, 1);
            }
        }
        return t;
    }

    @Override
    final MetricType component() {
        return metric();
    }

    @Override
    final String kind() {
        return "metric";
    }

    @Override
    final MetricType configure(MetricType component, Hyperparameters values) {
        return component.configure(values);
    }

    @Override
    final List<Object> run(MetricType component, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric m = start(component);
        m.update(predictions(ROWS, random), targets(ROWS, random), null);
        return List.of(m.result());
    }

    private Metric start(MetricType type) {
        Metric m = type.start(outputColumns(), targetColumns());
        assertNotNull(m, label(type) + ": start returned null");
        return m;
    }

    private static Matrix rows(Matrix m, int from, int to) {
        Matrix out = new Matrix(to - from, m.cols());
        System.arraycopy(m.data(), from * m.cols(), out.data(), 0, (to - from) * m.cols());
        return out;
    }

    private static void assertClose(double expected, double actual, String message) {
        double tolerance = 1e-9 * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance || Double.compare(expected, actual) == 0,
                message + ": expected " + expected + " but was " + actual);
    }

    /** A batch added whole or in three parts gives the same value. */
    @Test
    protected void aBatchAddedInPartsGivesTheValueOfTheWholeBatch() {
        MetricType type = metric();
        SplittableRandom random = new SplittableRandom(3);
        Matrix p = predictions(ROWS, random);
        Matrix t = targets(ROWS, random);
        Metric whole = start(type);
        whole.update(p, t, null);
        Metric parts = start(type);
        parts.update(rows(p, 0, 5), rows(t, 0, 5), null);
        parts.update(rows(p, 5, 6), rows(t, 5, 6), null);
        parts.update(rows(p, 6, ROWS), rows(t, 6, ROWS), null);
        assertClose(whole.result(), parts.result(), label(type) + " must report the value over every sample "
                + "added, not the last batch's or a mean of batch values");
    }

    /** Weights of 1 change nothing; a weight of 2 on a row counts it twice. */
    @Test
    protected void sampleWeightsCountRows() {
        MetricType type = metric();
        SplittableRandom random = new SplittableRandom(5);
        Matrix p = predictions(ROWS, random);
        Matrix t = targets(ROWS, random);
        Metric plain = start(type);
        plain.update(p, t, null);
        Metric ones = start(type);
        ones.update(p, t, new Matrix(ROWS, 1).fill(1));
        assertClose(plain.result(), ones.result(), label(type) + ": sample weights of 1 must change nothing");

        Matrix w = new Matrix(ROWS, 1).fill(1);
        w.set(0, 0, 2);
        Metric weighted = start(type);
        weighted.update(p, t, w);
        Metric twice = start(type);
        twice.update(p, t, null);
        twice.update(rows(p, 0, 1), rows(t, 0, 1), null);
        assertClose(twice.result(), weighted.result(), label(type) + ": a weight of 2 on a row must count "
                + "as the row added twice");
    }

    /** A metric that declares itself a sample mean combines over parts as their rows-weighted mean. */
    @Test
    protected void aSampleMeanCombinesOverPartsAsTheirWeightedMean() {
        MetricType type = metric();
        assumeTrue(type.isSampleMean(), "not a sample mean");
        SplittableRandom random = new SplittableRandom(9);
        Matrix p = predictions(ROWS, random);
        Matrix t = targets(ROWS, random);
        Metric whole = start(type);
        whole.update(p, t, null);
        Metric first = start(type);
        first.update(rows(p, 0, 7), rows(t, 0, 7), null);
        Metric second = start(type);
        second.update(rows(p, 7, ROWS), rows(t, 7, ROWS), null);
        double combined = (first.result() * 7 + second.result() * (ROWS - 7)) / ROWS;
        assertClose(whole.result(), combined, label(type) + " declares isSampleMean() but its parts do not "
                + "combine by a rows-weighted mean");
    }

    /** Update reads its inputs only, and accumulators of one type are independent. */
    @Test
    protected void updateLeavesItsInputsAndOtherAccumulatorsAlone() {
        MetricType type = metric();
        SplittableRandom random = new SplittableRandom(13);
        Matrix p = predictions(ROWS, random);
        Matrix t = targets(ROWS, random);
        Matrix pCopy = p.copy();
        Matrix tCopy = t.copy();
        Metric a = start(type);
        a.update(p, t, null);
        double alone = a.result();
        Metric b = start(type);
        b.update(predictions(ROWS, random), targets(ROWS, random), null);
        assertEquals(pCopy, p, label(type) + " modified the predictions");
        assertEquals(tCopy, t, label(type) + " modified the targets");
        assertEquals(alone, a.result(), label(type) + ": a second accumulator changed the first");
    }

    /** Finite inputs give a finite value. */
    @Test
    protected void finiteInputsGiveAFiniteValue() {
        MetricType type = metric();
        double value = (double) run(type, 17).get(0);
        assertTrue(Double.isFinite(value), label(type) + " gave " + value + " for finite inputs");
    }
}
