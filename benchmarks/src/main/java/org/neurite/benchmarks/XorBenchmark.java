package org.neurite.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;
import org.neurite.core.train.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The XOR reference run: a fresh 2 → Dense 8 relu → Dense 2 softmax network trained for 1000
 * epochs on the four samples in one batch (categorical cross-entropy, SGD 0.1, accuracy),
 * with the default kernels. Time per run; the target is under 10 ms once warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class XorBenchmark {
    private Plugins plugins;
    private Dataset data;
    private FitOptions options;

    @Setup
    public void setUp() {
        plugins = Plugins.discover();
        data = new Dataset(Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));
        options = FitOptions.builder().epochs(1000).batchSize(32).shuffle(true).seed(42L).verbose(0)
                .build();
    }

    @Benchmark
    public History run() {
        var relu = plugins.activations().get("relu");
        Network network = Network.builder(2)
                .dense(8, relu)
                .dense(2, null)
                .activation(plugins.activations().get("softmax"))
                .seed(42)
                .build();
        Trainer trainer = new Trainer(network, plugins.losses().get("categorical_crossentropy"),
                plugins.optimizers().create("sgd", Map.of("learning_rate", 0.1)), List.of(plugins.metrics().get("accuracy")));
        return trainer.fit(data, options);
    }
}
