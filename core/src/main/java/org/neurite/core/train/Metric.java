package org.neurite.core.train;

import org.neurite.core.tensor.Matrix;

/** A quantity reported per epoch, computed on each batch and averaged over the samples. */
public interface Metric {

    /** The key in logs and history, such as {@code accuracy}. */
    String name();

    /** The mean of the metric over the rows of this batch. */
    double compute(Matrix predictions, Matrix targets);
}
