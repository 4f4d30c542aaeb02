package org.neurite.core.data;

import java.util.Arrays;
import org.neurite.core.tensor.Matrix;

/**
 * Per-feature standardisation, fitted on training data and applied unchanged to any other data
 * (scikit-learn's {@code StandardScaler}): {@code (x − mean) / std}, with the population standard
 * deviation. A feature that is constant in the training data (std 0, such as a border pixel
 * that is always black) is only centred. Immutable and thread-safe.
 *
 * <pre>{@code
 * Standardizer s = Standardizer.fit(train.x());
 * Matrix trainX = s.apply(train.x());
 * Matrix testX = s.apply(test.x());   // the training statistics, never the test data's own
 * }</pre>
 */
public final class Standardizer {
    private final float[] mean;
    private final float[] std;

    private Standardizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Each column's mean and population standard deviation (computed in double precision). */
    public static Standardizer fit(Matrix x) {
        if (x.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer on no samples (the data are 0×"
                    + x.cols() + ")");
        }
        int cols = x.cols();
        double[] sum = new double[cols];
        float[] d = x.data();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                sum[c] += d[r * cols + c];
            }
        }
        double[] m = new double[cols];
        for (int c = 0; c < cols; c++) {
            m[c] = sum[c] / x.rows();
        }
        double[] squares = new double[cols];
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                double dev = d[r * cols + c] - m[c];
                squares[c] += dev * dev;
            }
        }
        float[] mean = new float[cols];
        float[] std = new float[cols];
        for (int c = 0; c < cols; c++) {
            mean[c] = (float) m[c];
            double s = Math.sqrt(squares[c] / x.rows());
            std[c] = s > 0 ? (float) s : 1f;
        }
        return new Standardizer(mean, std);
    }

    /** {@code (x − mean) / std} column by column, as a new matrix. */
    public Matrix apply(Matrix x) {
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("this standardizer was fitted on " + mean.length
                    + " features but the data have " + x.cols() + " (" + x.shape() + ")");
        }
        Matrix out = new Matrix(x.rows(), x.cols());
        float[] in = x.data();
        float[] o = out.data();
        int cols = mean.length;
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0, i = r * cols; c < cols; c++, i++) {
                o[i] = (in[i] - mean[c]) / std[c];
            }
        }
        return out;
    }

    /** The fitted means, one per feature. */
    public float[] mean() {
        return mean.clone();
    }

    /** The fitted standard deviations, one per feature (1 where the feature is constant). */
    public float[] std() {
        return std.clone();
    }

    @Override
    public String toString() {
        return "Standardizer of " + mean.length + " features, means " + Arrays.toString(Arrays.copyOf(mean,
                Math.min(4, mean.length))) + (mean.length > 4 ? "…" : "");
    }
}
