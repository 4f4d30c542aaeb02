package org.neurite.core.train;

import java.util.Map;
import java.util.TreeMap;
import org.neurite.core.tensor.Matrix;

/**
 * Keras's {@code class_weight}: a weight per class index that becomes each training sample's
 * weight, as Keras 3's {@code class_weight_to_sample_weights} computes it. A sample's class is
 * the argmax of its target row (one-hot targets) or its one target rounded half to even (class
 * indices, or 0/1 binary targets); a class left out of the map has weight 1.
 *
 * <pre>{@code
 * float[] table = ClassWeights.table(Map.of(0, 1.0, 1, 5.0), loss.classes(outputs));
 * float w = ClassWeights.weight(table, targets, row);
 * }</pre>
 */
public final class ClassWeights {
    private ClassWeights() {
    }

    /**
     * The problem with {@code classWeight} for a network of {@code classes} classes, or
     * {@code null} if there is none: an index outside {@code [0, classes)} or a weight that is
     * not a finite number ≥ 0. The message names the index, the value and what is accepted.
     */
    public static String problem(Map<Integer, ? extends Number> classWeight, int classes) {
        for (Map.Entry<Integer, ? extends Number> e : new TreeMap<>(classWeight).entrySet()) {
            int index = e.getKey();
            if (index < 0 || index >= classes) {
                return "class index " + index + " is out of range: the network tells " + classes
                        + " classes apart, so class_weight takes the indices 0 to " + (classes - 1);
            }
            double w = e.getValue().doubleValue();
            if (!(w >= 0 && w <= Float.MAX_VALUE)) {
                return "the weight of class " + index + " is " + w + "; class weights must be finite numbers ≥ 0";
            }
        }
        return null;
    }

    /**
     * The weight of each class index, 1 for those {@code classWeight} leaves out.
     *
     * @throws IllegalArgumentException if {@link #problem} finds one
     */
    public static float[] table(Map<Integer, ? extends Number> classWeight, int classes) {
        String problem = problem(classWeight, classes);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        float[] table = new float[classes];
        java.util.Arrays.fill(table, 1f);
        classWeight.forEach((k, v) -> table[k] = v.floatValue());
        return table;
    }

    /** The weight of the sample in row {@code row} of {@code targets}. */
    public static float weight(float[] table, Matrix targets, int row) {
        int cls;
        if (targets.cols() > 1) {
            cls = targets.argmaxRow(row);
        } else {
            double rounded = Math.rint(targets.get(row, 0));
            cls = rounded >= 0 && rounded < table.length ? (int) rounded : -1;
        }
        return cls >= 0 && cls < table.length ? table[cls] : 1f;
    }

    /** The n×1 weights of every row of {@code targets}. */
    public static Matrix sampleWeights(float[] table, Matrix targets) {
        Matrix w = new Matrix(targets.rows(), 1);
        for (int r = 0; r < targets.rows(); r++) {
            w.data()[r] = weight(table, targets, r);
        }
        return w;
    }
}
