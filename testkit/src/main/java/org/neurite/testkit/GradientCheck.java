package org.neurite.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Assertions;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/**
 * Compares an analytic gradient with finite differences of the function it claims to be the
 * gradient of.
 *
 * <p><b>Method.</b> For each element {@code x} of the input, the objective is evaluated at the
 * four {@code float} points nearest to {@code x ± step} and {@code x ± 2·step} (the input stays
 * a float matrix, as the plugin sees it) and the derivative at {@code x} is that of the cubic
 * through those four points, computed in double precision from their exact float positions.
 * For evenly spaced points this is the fourth-order central difference
 * {@code (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h}; its truncation error is {@code O(h⁴)},
 * small next to the float rounding of the plugin's outputs.
 *
 * <p><b>Error measure.</b> The error of element {@code (r, c)} is
 * {@code |analytic − numeric| / s_r}, where {@code s_r} is the largest {@code |analytic|} or
 * {@code |numeric|} in row {@code r}, but at least {@code 1e-3} times the largest in the whole
 * matrix (and {@code 1e-12}): a relative error per sample, which does not blow up where one
 * derivative of the row, or the whole row, is nearly zero. The check passes when
 * every error is at most the tolerance ({@link #DEFAULT_TOLERANCE}, 1e-2, suits float32
 * plugins; a wrong derivative gives errors of order 1).
 *
 * <pre>{@code
 * Matrix z = Matrix.of(new float[][] {{0.5f, -1.25f}});
 * Matrix gradA = Matrix.of(new float[][] {{1f, -0.5f}});
 * GradientCheck.assertPasses(GradientCheck.activation(new MyActivation(), z, gradA,
 *         GradientCheck.DEFAULT_TOLERANCE, v -> true));
 * }</pre>
 */
public final class GradientCheck {
    /** The default tolerance on the per-row relative error: 1e-2. */
    public static final double DEFAULT_TOLERANCE = 1e-2;

    /**
     * The default step, {@code 2⁻⁸ ≈ 0.0039}: the outermost points lie within {@code 0.0079} of
     * {@code x}, closer than the {@code 1e-2} that samples keep from kinks.
     */
    public static final double DEFAULT_STEP = 0x1p-8;

    private static final int REPORTED = 5;

    private GradientCheck() {
    }

    /** A scalar function of a matrix, evaluated in double precision. */
    @FunctionalInterface
    public interface Objective {
        /** The value at {@code x}; must not keep or modify {@code x}. */
        double at(Matrix x);
    }

    /** One element whose analytic and numeric derivatives disagree. */
    public record Mismatch(int row, int col, double input, double analytic, double numeric,
                           double error) {
        @Override
        public String toString() {
            return "(row " + row + ", col " + col + ") at input " + input + ": analytic " + analytic
                    + ", numeric " + numeric + ", relative error " + String.format("%.3g", error);
        }
    }

    /**
     * The outcome of one check.
     *
     * @param what       what was checked, for messages
     * @param checked    elements compared
     * @param skipped    elements left out (near a kink)
     * @param tolerance  the largest accepted error
     * @param maxError   the largest error found
     * @param mismatches the elements over tolerance, worst first
     */
    public record Result(String what, int checked, int skipped, double tolerance, double maxError,
                         List<Mismatch> mismatches) {
        /** {@code true} if no element exceeds the tolerance. */
        public boolean passed() {
            return mismatches.isEmpty();
        }

        /** A message for a test failure: what, how many, and the worst elements. */
        public String describe() {
            StringBuilder sb = new StringBuilder("Gradient check of ").append(what);
            if (passed()) {
                return sb.append(" passed: ").append(checked).append(" elements, largest error ")
                        .append(String.format("%.3g", maxError)).toString();
            }
            sb.append(" failed at ").append(mismatches.size()).append(" of ").append(checked)
                    .append(" elements (tolerance ").append(tolerance).append(" on the error relative"
                            + " to the row's largest derivative");
            if (skipped > 0) {
                sb.append("; ").append(skipped).append(" elements near kinks skipped");
            }
            sb.append("). Worst:");
            mismatches.stream().limit(REPORTED).forEach(m -> sb.append("\n  ").append(m));
            return sb.append("\nThe analytic gradient does not match the function: check the"
                    + " derivative formula and that every element is written.").toString();
        }
    }

    /**
     * Compares {@code analytic} with the numeric gradient of {@code f} at {@code x}.
     *
     * @param x         the point; its elements are perturbed one at a time and restored
     * @param analytic  the claimed gradient, shaped like {@code x}
     * @param step      the finite-difference step {@code h}
     * @param checkAt   which input values to check; others are skipped (kinks)
     */
    public static Result compare(String what, Matrix x, Matrix analytic, Objective f, double step,
                                 double tolerance, DoublePredicate checkAt) {
        Matrix.requireShape(analytic, x.rows(), x.cols(), "the analytic gradient of " + what);
        int rows = x.rows();
        int cols = x.cols();
        double[] numeric = new double[x.size()];
        boolean[] include = new boolean[x.size()];
        int skipped = 0;
        for (int i = 0; i < numeric.length; i++) {
            include[i] = checkAt.test(x.data()[i]);
            if (include[i]) {
                numeric[i] = derivative(x, i, f, step);
            } else {
                skipped++;
            }
        }
        double floor = 1e-12;
        for (int i = 0; i < numeric.length; i++) {
            if (include[i]) {
                floor = Math.max(floor, 1e-3 * Math.max(Math.abs(numeric[i]),
                        Math.abs(analytic.data()[i])));
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        double maxError = 0;
        int checked = 0;
        for (int r = 0; r < rows; r++) {
            double scale = floor;
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (include[i]) {
                    scale = Math.max(scale, Math.max(Math.abs(numeric[i]),
                            Math.abs(analytic.data()[i])));
                }
            }
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (!include[i]) {
                    continue;
                }
                checked++;
                double a = analytic.data()[i];
                double error = Math.abs(a - numeric[i]) / scale;
                if (Double.isNaN(error)) {
                    error = Double.POSITIVE_INFINITY;
                }
                maxError = Math.max(maxError, error);
                if (error > tolerance) {
                    mismatches.add(new Mismatch(r, c, x.data()[i], a, numeric[i], error));
                }
            }
        }
        mismatches.sort(Comparator.comparingDouble(Mismatch::error).reversed());
        return new Result(what, checked, skipped, tolerance, maxError, List.copyOf(mismatches));
    }

    /**
     * The derivative of {@code f} with respect to element {@code index} of {@code x}: the slope
     * at {@code x[index]} of the cubic through {@code f} at the float points nearest
     * {@code x ± h} and {@code x ± 2h}. {@code x} is restored before returning.
     */
    public static double derivative(Matrix x, int index, Objective f, double step) {
        float[] data = x.data();
        float original = data[index];
        double[] offsets = new double[4];
        double[] values = new double[4];
        double[] multiples = {-2, -1, 1, 2};
        try {
            for (int j = 0; j < 4; j++) {
                float point = (float) (original + multiples[j] * step);
                offsets[j] = (double) point - (double) original;
                data[index] = point;
                values[j] = f.at(x);
            }
        } finally {
            data[index] = original;
        }
        // Lagrange basis derivatives at offset 0: L_j'(0) = Σ_{k≠j} 1/(t_j−t_k) Π_{m≠j,k} −t_m/(t_j−t_m).
        double slope = 0;
        for (int j = 0; j < 4; j++) {
            double weight = 0;
            for (int k = 0; k < 4; k++) {
                if (k == j) {
                    continue;
                }
                double term = 1 / (offsets[j] - offsets[k]);
                for (int m = 0; m < 4; m++) {
                    if (m != j && m != k) {
                        term *= -offsets[m] / (offsets[j] - offsets[m]);
                    }
                }
                weight += term;
            }
            // The weights sum to zero; subtracting one value keeps a constant function at exactly 0.
            slope += weight * (values[j] - values[1]);
        }
        return slope;
    }

    /**
     * Checks {@code activation.backward} at {@code z} for the upstream gradient {@code gradA},
     * against finite differences of {@code Σ gradA ⊙ forward(z)}.
     */
    public static Result activation(Activation activation, Matrix z, Matrix gradA, double tolerance,
                                    DoublePredicate checkAt) {
        Matrix a = new Matrix(z.rows(), z.cols());
        activation.forward(z, a);
        Matrix gradZ = new Matrix(z.rows(), z.cols());
        activation.backward(z, a, gradA, gradZ);
        Matrix scratch = new Matrix(z.rows(), z.cols());
        Objective objective = input -> {
            activation.forward(input, scratch);
            return dot(gradA, scratch);
        };
        return compare("activation '" + activation.name() + "' on a " + z.shape() + " batch", z,
                gradZ, objective, DEFAULT_STEP, tolerance, checkAt);
    }

    /** Checks {@code loss.gradient} at {@code predictions} against finite differences of {@code loss.loss}. */
    public static Result loss(Loss loss, Matrix predictions, Matrix targets, double tolerance) {
        Matrix grad = new Matrix(predictions.rows(), predictions.cols());
        loss.gradient(predictions, targets, grad);
        return compare("loss '" + loss.name() + "' on a " + predictions.shape() + " batch",
                predictions, grad, p -> loss.loss(p, targets), DEFAULT_STEP, tolerance, v -> true);
    }

    /** Fails the current test with {@link Result#describe()} unless {@code result} passed. */
    public static void assertPasses(Result result) {
        if (!result.passed()) {
            Assertions.fail(result.describe());
        }
        if (result.checked() == 0 && result.skipped() > 0) {
            Assertions.fail(result.what() + ": every element was skipped as near a kink; nothing"
                    + " was checked. Make isDifferentiableAt(z) false only near the kinks.");
        }
    }

    /** {@code Σ a ⊙ b} in double precision. */
    public static double dot(Matrix a, Matrix b) {
        double s = 0;
        float[] x = a.data();
        float[] y = b.data();
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }
}
