package org.neurite.benchmarks;

import java.util.concurrent.TimeUnit;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the Fashion-MNIST network on a batch of 64: forward, fused softmax
 * cross-entropy loss and gradient, backward, SGD update (what {@code Trainer} does per batch).
 * 64 divided by the time per step is the samples per second of training.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"portable", "vector"})
    public String backend;

    @Param({"1", "2"})
    public int threads;

    private Network network;
    private Loss fused;
    private Optimizer.Updater updater;
    private Matrix x;
    private Matrix y;
    private Matrix gradient;

    @Setup
    public void setUp() {
        Plugins plugins = Plugins.discover();
        network = FashionMnistShape.network(plugins, Backends.named(backend, threads), 42);
        Loss loss = plugins.losses().get("categorical_crossentropy");
        fused = loss.fusedWith(network.outputActivation()).orElseThrow(() -> new IllegalStateException(
                "categorical_crossentropy does not fuse with " + network.outputActivation().name()));
        updater = plugins.optimizers().create("sgd", java.util.Map.of("learning_rate", 0.1))
                .start(network.parameters());
        Dataset batch = FashionMnistShape.syntheticData(FashionMnistShape.BATCH, 7);
        x = batch.x();
        y = batch.y();
        gradient = new Matrix(FashionMnistShape.BATCH, FashionMnistShape.CLASSES);
    }

    private static final Pass PASS = Pass.training(new java.util.SplittableRandom(1));

    @Benchmark
    public double step() {
        network.forward(x, PASS);
        double value = fused.loss(network.logits(), y);
        fused.gradient(network.logits(), y, gradient);
        network.backwardFromLogits(gradient);
        updater.step();
        return value;
    }
}
