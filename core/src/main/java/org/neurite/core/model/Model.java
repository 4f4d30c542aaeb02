package org.neurite.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.config.TrainingSpec;
import org.neurite.core.io.ModelFiles;
import org.neurite.core.network.Network;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.MetricType;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.EarlyStopping;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;
import org.neurite.core.train.Trainer;

/**
 * A network with everything needed to train, evaluate, save and load it: its resolved
 * configuration, loss, optimizer state and history. Made by {@link ModelAssembler} or read by
 * {@link org.neurite.core.io.ModelFiles}.
 *
 * <pre>{@code
 * Model model = new ModelAssembler(plugins).assemble(config);
 * model.fit(new Dataset(x, y));          // the configuration's training settings
 * Matrix p = model.predict(x);
 * model.save(Path.of("xor.neurite"));
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class Model {
    private final ModelConfig config;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Set<PluginUse> plugins;
    private final Trainer trainer;

    Model(ModelConfig config, Network network, Loss loss, Optimizer optimizer, List<MetricType> metrics,
          Set<PluginUse> plugins) {
        this.config = Objects.requireNonNull(config);
        this.network = Objects.requireNonNull(network);
        this.loss = Objects.requireNonNull(loss);
        this.optimizer = Objects.requireNonNull(optimizer);
        this.plugins = Set.copyOf(plugins);
        this.trainer = new Trainer(network, loss, optimizer, metrics);
    }

    /** The resolved configuration (with its seed and every default filled in). */
    public ModelConfig config() {
        return config;
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The trainer, holding the optimizer state and the history. */
    public Trainer trainer() {
        return trainer;
    }

    /** The plugins this model uses, with where each came from. */
    public Set<PluginUse> plugins() {
        return plugins;
    }

    /** The seed behind the initial weights and the shuffling. */
    public long seed() {
        return config.training().seed();
    }

    /** Every epoch trained so far. */
    public History history() {
        return trainer.history();
    }

    /** The fit options the configuration describes (epochs, batch size, seed, …). */
    public FitOptions.Builder fitOptions() {
        TrainingSpec t = config.training();
        FitOptions.Builder b = FitOptions.builder().epochs(t.epochs()).batchSize(t.batchSize())
                .shuffle(t.shuffle()).seed(t.seed()).verbose(t.verbose())
                .validationSplit(t.validationSplit());
        if (t.earlyStopping() != null) {
            TrainingSpec.EarlyStoppingSpec e = t.earlyStopping();
            b.listener(new EarlyStopping(e.monitor(), e.minDelta(), e.patience(), e.restoreBestWeights()));
        }
        return b;
    }

    /** Trains with the configuration's settings. */
    public History fit(Dataset data) {
        return fit(data, fitOptions().build());
    }

    /** Trains with explicit settings. */
    public History fit(Dataset data, FitOptions options) {
        return trainer.fit(data, options);
    }

    /** The loss and metrics on {@code data}, batched as in training. */
    public Map<String, Double> evaluate(Dataset data) {
        return trainer.evaluate(data, config.training().batchSize());
    }

    /** The network's output for {@code x}, as a new matrix. */
    public Matrix predict(Matrix x) {
        return network.predict(x);
    }

    /** The names of the metrics this model reports, as they appear in logs. */
    public List<String> metrics() {
        return trainer.metrics().stream().map(MetricType::name).toList();
    }

    /**
     * Saves this model (configuration, parameters, optimizer state, history) to {@code file},
     * atomically; see {@link org.neurite.core.io.ModelFiles#save}.
     */
    public void save(Path file) {
        ModelFiles.save(this, file);
    }

    /**
     * Reads a model written by {@link #save}, building it with {@code assembler}'s plugins;
     * see {@link ModelFiles#load}.
     */
    public static Model load(Path file, ModelAssembler assembler) {
        return ModelFiles.load(file, assembler);
    }
}
