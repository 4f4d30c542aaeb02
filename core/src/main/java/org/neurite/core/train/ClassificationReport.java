package org.neurite.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurite.core.tensor.Matrix;

/**
 * How a classifier did on labelled data: the confusion matrix and, per class, precision, recall
 * and F1, with accuracy and macro and weighted averages (scikit-learn's {@code
 * confusion_matrix} and {@code classification_report}).
 *
 * <pre>{@code
 * ClassificationReport report = ClassificationReport.of(model.predict(test.x()), test.y());
 * System.out.println(report.confusionTable(names));
 * System.out.println(report.classTable(names));
 * }</pre>
 *
 * <p>Precision of a class that is never predicted, recall of a class that never occurs, and F1
 * where precision and recall are both 0, are 0 (scikit-learn's {@code zero_division=0}).
 * Immutable and thread-safe.
 */
public final class ClassificationReport {
    private final long[][] confusion;
    private final long total;

    private ClassificationReport(long[][] confusion) {
        this.confusion = confusion;
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        this.total = n;
    }

    /**
     * The report for actual and predicted class indices, each in {@code [0, classes)}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold an index out of range
     */
    public static ClassificationReport of(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("there are " + actual.length + " actual classes but "
                    + predicted.length + " predictions; they must pair up");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("the number of classes must be at least 1, got " + classes);
        }
        long[][] confusion = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            for (int c : new int[] {actual[i], predicted[i]}) {
                if (c < 0 || c >= classes) {
                    throw new IllegalArgumentException("sample " + i + ": class " + c + " is outside [0, "
                            + classes + ")");
                }
            }
            confusion[actual[i]][predicted[i]]++;
        }
        return new ClassificationReport(confusion);
    }

    /**
     * The report for a network's outputs and the targets: the predicted class of a row is its
     * largest output; targets are one-hot rows (n×k) or class indices (n×1).
     */
    public static ClassificationReport of(Matrix predictions, Matrix targets) {
        int k = predictions.cols();
        if (targets.rows() != predictions.rows() || targets.cols() != k && targets.cols() != 1) {
            throw new IllegalArgumentException("predictions " + predictions.shape() + " need targets of "
                    + predictions.rows() + "×" + k + " (one-hot) or " + predictions.rows()
                    + "×1 (class indices), got " + targets.shape());
        }
        int[] actual = new int[targets.rows()];
        int[] predicted = new int[predictions.rows()];
        for (int r = 0; r < actual.length; r++) {
            actual[r] = targets.cols() == 1 ? (int) targets.get(r, 0) : targets.argmaxRow(r);
            predicted[r] = predictions.argmaxRow(r);
        }
        return of(actual, predicted, k);
    }

    /** The number of classes. */
    public int classes() {
        return confusion.length;
    }

    /** The number of samples. */
    public long total() {
        return total;
    }

    /** Samples of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return confusion[actual][predicted];
    }

    /** The confusion matrix, rows actual classes, columns predicted ones (a copy). */
    public long[][] confusionMatrix() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Samples whose actual class is {@code c}. */
    public long support(int c) {
        long n = 0;
        for (long v : confusion[c]) {
            n += v;
        }
        return n;
    }

    /** Samples predicted as {@code c}. */
    public long predictedCount(int c) {
        long n = 0;
        for (long[] row : confusion) {
            n += row[c];
        }
        return n;
    }

    /** Correct predictions over all samples (0 when there are none). */
    public double accuracy() {
        long hits = 0;
        for (int c = 0; c < confusion.length; c++) {
            hits += confusion[c][c];
        }
        return total == 0 ? 0 : (double) hits / total;
    }

    /** Of the samples predicted as {@code c}, the fraction that are {@code c}. */
    public double precision(int c) {
        long predicted = predictedCount(c);
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    /** Of the samples of class {@code c}, the fraction predicted as {@code c}. */
    public double recall(int c) {
        long support = support(c);
        return support == 0 ? 0 : (double) confusion[c][c] / support;
    }

    /** The harmonic mean of precision and recall of class {@code c}. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean over classes of precision, recall and F1: {@code [p, r, f1]}. */
    public double[] macroAverage() {
        double[] sums = new double[3];
        for (int c = 0; c < classes(); c++) {
            sums[0] += precision(c);
            sums[1] += recall(c);
            sums[2] += f1(c);
        }
        for (int i = 0; i < 3; i++) {
            sums[i] /= classes();
        }
        return sums;
    }

    /** The support-weighted mean over classes of precision, recall and F1: {@code [p, r, f1]}. */
    public double[] weightedAverage() {
        double[] sums = new double[3];
        if (total == 0) {
            return sums;
        }
        for (int c = 0; c < classes(); c++) {
            double w = (double) support(c) / total;
            sums[0] += w * precision(c);
            sums[1] += w * recall(c);
            sums[2] += w * f1(c);
        }
        return sums;
    }

    /**
     * The confusion matrix as text: one row per actual class, labelled with its index and name;
     * one column per predicted class, headed by its index.
     */
    public String confusionTable(List<String> names) {
        List<String> labels = labels(names);
        int nameWidth = "actual \\ predicted".length();
        for (int c = 0; c < classes(); c++) {
            nameWidth = Math.max(nameWidth, (c + ": " + labels.get(c)).length());
        }
        int cell = Math.max(String.valueOf(classes() - 1).length(), String.valueOf(maxCount()).length()) + 2;
        StringBuilder sb = new StringBuilder();
        sb.append(pad("actual \\ predicted", nameWidth));
        for (int c = 0; c < classes(); c++) {
            sb.append(String.format(Locale.ROOT, "%" + cell + "d", c));
        }
        sb.append(System.lineSeparator());
        for (int a = 0; a < classes(); a++) {
            sb.append(pad(a + ": " + labels.get(a), nameWidth));
            for (int p = 0; p < classes(); p++) {
                sb.append(String.format(Locale.ROOT, "%" + cell + "d", confusion[a][p]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Precision, recall, F1 and support per class, then accuracy and the averages, as text. */
    public String classTable(List<String> names) {
        List<String> labels = labels(names);
        int nameWidth = "weighted avg".length();
        for (String l : labels) {
            nameWidth = Math.max(nameWidth, l.length());
        }
        String row = "%-" + nameWidth + "s  %9.4f  %9.4f  %9.4f  %8d%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %9s  %9s  %9s  %8s%n", "",
                "precision", "recall", "f1", "support"));
        for (int c = 0; c < classes(); c++) {
            sb.append(String.format(Locale.ROOT, row, labels.get(c), precision(c), recall(c), f1(c), support(c)));
        }
        sb.append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %9s  %9s  %9.4f  %8d%n", "accuracy", "", "",
                accuracy(), total));
        double[] macro = macroAverage();
        double[] weighted = weightedAverage();
        sb.append(String.format(Locale.ROOT, row, "macro avg", macro[0], macro[1], macro[2], total));
        sb.append(String.format(Locale.ROOT, row, "weighted avg", weighted[0], weighted[1], weighted[2], total));
        return sb.toString();
    }

    private List<String> labels(List<String> names) {
        if (names != null && !names.isEmpty() && names.size() != classes()) {
            throw new IllegalArgumentException("there are " + classes() + " classes but " + names.size()
                    + " names");
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes(); c++) {
            labels.add(names == null || names.isEmpty() ? "class " + c : names.get(c));
        }
        return labels;
    }

    private long maxCount() {
        long max = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
