package org.neurite.spark;

import java.util.List;
import java.util.Map;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Parameters and optimizer state as one flat float vector, in network order then state-key
 * order: what the driver broadcasts and the partitions sum. Values are copied into the live
 * arrays, never replaced, because updaters hold on to them.
 */
final class Vectors {
    private Vectors() {
    }

    /** The number of values in {@code parameters}. */
    static int size(List<Parameter> parameters) {
        int size = 0;
        for (Parameter p : parameters) {
            size += p.value().size();
        }
        return size;
    }

    /** The number of values in an optimizer's {@code state}. */
    static int size(Map<String, Matrix> state) {
        int size = 0;
        for (Matrix m : state.values()) {
            size += m.size();
        }
        return size;
    }

    /** The parameter values, then (if {@code state} is not null) the optimizer state, flat. */
    static float[] values(List<Parameter> parameters, Map<String, Matrix> state) {
        float[] out = new float[size(parameters) + (state == null ? 0 : size(state))];
        int o = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value().data(), 0, out, o, p.value().size());
            o += p.value().size();
        }
        if (state != null) {
            for (Matrix m : state.values()) {
                System.arraycopy(m.data(), 0, out, o, m.size());
                o += m.size();
            }
        }
        return out;
    }

    /** The optimizer state, flat. */
    static float[] state(Map<String, Matrix> state) {
        float[] out = new float[size(state)];
        int o = 0;
        for (Matrix m : state.values()) {
            System.arraycopy(m.data(), 0, out, o, m.size());
            o += m.size();
        }
        return out;
    }

    /** Copies {@code v[offset..]} into the parameter values; returns the offset after them. */
    static int setValues(List<Parameter> parameters, float[] v, int offset) {
        for (Parameter p : parameters) {
            System.arraycopy(v, offset, p.value().data(), 0, p.value().size());
            offset += p.value().size();
        }
        return offset;
    }

    /** Copies {@code v[offset..]} into the parameter gradients; returns the offset after them. */
    static int setGradients(List<Parameter> parameters, float[] v, int offset) {
        for (Parameter p : parameters) {
            System.arraycopy(v, offset, p.gradient().data(), 0, p.gradient().size());
            offset += p.gradient().size();
        }
        return offset;
    }

    /** Copies {@code v[offset..]} into the optimizer state; returns the offset after it. */
    static int setState(Map<String, Matrix> state, float[] v, int offset) {
        for (Matrix m : state.values()) {
            System.arraycopy(v, offset, m.data(), 0, m.size());
            offset += m.size();
        }
        return offset;
    }

    /** {@code v[i] /= divisor} for every element. */
    static float[] divide(float[] v, double divisor) {
        float d = (float) divisor;
        for (int i = 0; i < v.length; i++) {
            v[i] /= d;
        }
        return v;
    }
}
