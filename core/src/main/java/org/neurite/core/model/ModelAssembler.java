package org.neurite.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurite.core.config.ComponentSpec;
import org.neurite.core.config.LayerSpec;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.network.Network;
import org.neurite.core.optimizer.ScheduledOptimizer;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.PluginUse;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.MetricType;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;
import org.neurite.core.tensor.Kernels;

/**
 * Builds {@link Model}s from configurations, taking every plugin from the catalogs by name.
 *
 * <pre>{@code
 * ModelAssembler assembler = new ModelAssembler(Plugins.discover());
 * Model model = assembler.assemble(new ConfigReader(plugins).read(Path.of("xor.yaml")));
 * }</pre>
 *
 * <p>Thread-safe; each call builds an independent model.
 */
public final class ModelAssembler {
    private final Plugins plugins;
    private final Kernels kernels;

    /** An assembler using {@code plugins} and the best available kernels. */
    public ModelAssembler(Plugins plugins) {
        this(plugins, Kernels.best());
    }

    /** An assembler using {@code plugins} and {@code kernels}. */
    public ModelAssembler(Plugins plugins, Kernels kernels) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.kernels = Objects.requireNonNull(kernels, "kernels");
    }

    /** The catalogs this assembler resolves names in. */
    public Plugins plugins() {
        return plugins;
    }

    /**
     * A new model for {@code config}, its weights drawn with the configured seed (a random one,
     * recorded in the model's config, if none is set).
     */
    public Model assemble(ModelConfig config) {
        return assemble(config, 0);
    }

    /**
     * {@link #assemble(ModelConfig)} with the network's parameters, their gradients and its
     * state limited to {@code sizeLimit} bytes (see {@link Network.Builder#sizeLimit}); a
     * larger network fails with a {@link org.neurite.core.network.NetworkTooLargeException}
     * before it is allocated. A limit of 0 keeps the default, half of the JVM's heap.
     */
    public Model assemble(ModelConfig config, long sizeLimit) {
        long seed = config.training().seed() != null ? config.training().seed()
                : new SplittableRandom().nextLong();
        ModelConfig resolved = config.withTraining(config.training().withSeed(seed));
        Set<PluginUse> uses = new LinkedHashSet<>();
        Network.Builder builder = Network.builder(resolved.inputSize()).kernels(kernels).seed(seed);
        if (sizeLimit > 0) {
            builder.sizeLimit(sizeLimit);
        }
        for (LayerSpec layer : resolved.layers()) {
            record(plugins.layers(), layer.type(), uses);
            LayerType type = plugins.layers().get(layer.type());
            for (LayerType.ComponentSlot slot : type.components()) {
                ComponentSpec c = layer.component(slot.key());
                if (c != null) {
                    record(plugins.catalog(LayerSpec.kindOf(slot.type())), c.name(), uses);
                }
            }
            builder.add(layer.create(plugins));
        }
        Network network = builder.build();
        Loss loss = create(plugins.losses(), resolved.loss(), uses);
        Optimizer optimizer = create(plugins.optimizers(), resolved.optimizer(), uses);
        ComponentSpec schedule = resolved.optimizer().components().get(OptimizerSettings.LEARNING_RATE);
        if (schedule != null) {
            optimizer = ScheduledOptimizer.of(optimizer, create(plugins.catalog(PluginKind.SCHEDULE), schedule, uses));
        }
        List<MetricType> metrics = new ArrayList<>();
        for (ComponentSpec m : resolved.metrics()) {
            metrics.add(create(plugins.metrics(), m, uses));
        }
        List<MetricType> weightedMetrics = new ArrayList<>();
        for (ComponentSpec m : resolved.weightedMetrics()) {
            weightedMetrics.add(create(plugins.metrics(), m, uses));
        }
        List<CallbackType> callbacks = new ArrayList<>();
        for (ComponentSpec c : resolved.training().callbacks()) {
            callbacks.add(create(plugins.callbacks(), c, uses));
        }
        return new Model(resolved, network, loss, optimizer, metrics, weightedMetrics, callbacks, uses);
    }

    private static <T extends Component> T create(PluginCatalog<T> catalog, ComponentSpec spec,
                                                  Set<PluginUse> uses) {
        record(catalog, spec.name(), uses);
        return catalog.configure(spec.name(), spec.hyperparameters());
    }

    private static void record(PluginCatalog<?> catalog, String name, Set<PluginUse> uses) {
        PluginCatalog.Entry<?> entry = catalog.entry(name);
        uses.add(new PluginUse(catalog.kind().label(), name, entry.className(), entry.source()));
    }
}
