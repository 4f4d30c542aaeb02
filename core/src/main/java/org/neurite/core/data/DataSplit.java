package org.neurite.core.data;

import java.util.Objects;
import java.util.SplittableRandom;
import org.neurite.core.internal.Permutation;
import org.neurite.core.tensor.Matrix;

/**
 * A data set split in two, training and validation.
 *
 * <pre>{@code
 * DataSplit split = DataSplit.shuffled(data, 0.1, 42L);   // 10% held out, the same 10% every run
 * model.fit(split.train(), model.fitOptions().validation(split.validation()).build());
 * }</pre>
 *
 * @param train      the samples to train on
 * @param validation the held-out samples
 */
public record DataSplit(Dataset train, Dataset validation) {
    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * Shuffles the samples with {@code seed} and holds out {@code floor(n × validationFraction)}
     * of them for validation; the same data, fraction and seed always give the same split. Both
     * parts keep the shuffled order.
     *
     * @throws IllegalArgumentException unless the fraction is in (0, 1) and leaves at least one
     *                                  sample on each side
     */
    public static DataSplit shuffled(Dataset data, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in (0, 1), got " + validationFraction);
        }
        int n = data.size();
        int validation = (int) Math.floor(n * validationFraction);
        if (validation == 0 || validation == n) {
            throw new IllegalArgumentException("a validation fraction of " + validationFraction + " of " + n
                    + " samples leaves " + (n - validation) + " for training and " + validation
                    + " for validation; both need at least one");
        }
        int[] order = new int[n];
        Permutation.shuffle(order, new SplittableRandom(seed));
        int train = n - validation;
        return new DataSplit(
                new Dataset(gather(data.x(), order, 0, train), gather(data.y(), order, 0, train)),
                new Dataset(gather(data.x(), order, train, n), gather(data.y(), order, train, n)));
    }

    private static Matrix gather(Matrix m, int[] order, int from, int to) {
        int cols = m.cols();
        Matrix out = new Matrix(to - from, cols);
        for (int i = from; i < to; i++) {
            System.arraycopy(m.data(), order[i] * cols, out.data(), (i - from) * cols, cols);
        }
        return out;
    }
}
