package org.neurite.spark;

import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The loss and metrics of one partition's rows under the broadcast parameters, as sums over
 * its rows ({@code loss[0]}, {@code rows[0]}, {@code metrics}), computed in batches with the
 * ordinary trainer's {@code evaluate}.
 */
final class EvaluateTask implements Function2<Partials, Block, Partials> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<String> config;
    private final Broadcast<float[]> parameters;
    private final int batchSize;

    EvaluateTask(Broadcast<String> config, Broadcast<float[]> parameters, int batchSize) {
        this.config = config;
        this.parameters = parameters;
        this.batchSize = batchSize;
    }

    @Override
    public Partials call(Partials acc, Block block) {
        if (block.rows == 0) {
            return acc;
        }
        Workers.Worker worker = Workers.borrow(config.value());
        try {
            Vectors.setValues(worker.parameters(), parameters.value(), 0);
            Map<String, Double> logs = worker.model().trainer().evaluate(block.rows(0, block.rows), batchSize);
            acc.loss[0] += logs.get("loss") * block.rows;
            acc.rows[0] += block.rows;
            for (int m = 0; m < acc.metrics.length; m++) {
                acc.metrics[m] += logs.get(worker.model().metrics().get(m)) * block.rows;
            }
            return acc;
        } finally {
            Workers.release(worker);
        }
    }
}
