package org.neurite.spark;

import java.io.Serializable;

/**
 * Called in each training task before it computes, to inject faults in tests (a task that
 * throws is retried by Spark). Runs on the executors, so it must be serializable.
 */
@FunctionalInterface
interface TaskHook extends Serializable {

    /** Before partition {@code partition} works on the step starting at global batch {@code batch}. */
    void beforeTask(int epoch, int batch, int partition);

    /** The hook that does nothing. */
    TaskHook NONE = (epoch, batch, partition) -> { };
}
