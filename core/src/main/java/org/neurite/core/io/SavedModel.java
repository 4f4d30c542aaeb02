package org.neurite.core.io;

import java.util.Set;
import java.util.function.Supplier;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.PluginUse;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.train.History;
import org.neurite.core.train.Trainer;

/**
 * What a model file holds, as a model presents it to {@link ModelFiles}: its configuration and
 * seed, the network's arrays, the trainer's optimizer state, the plugins it uses and its
 * history. {@link org.neurite.core.model.Model} implements it, so the file format depends on
 * these parts and not on the model class that gathers them.
 */
public interface SavedModel {
    /** The resolved configuration, seed included. */
    ModelConfig config();

    /** The seed the model was built and trained with. */
    long seed();

    /** The network whose parameters and state are saved and restored. */
    Network network();

    /** The optimizer, whose settings tell whether a saved learning rate may be restored. */
    Optimizer optimizer();

    /** The trainer whose optimizer state and step count are saved and restored. */
    Trainer trainer();

    /** The plugins the model uses, recorded so that loading can say which jar is missing. */
    Set<PluginUse> plugins();

    /** The training history, appended to on loading. */
    History history();

    /**
     * Runs {@code read} while no training changes the model, failing if training overlaps it.
     *
     * @param what the action, for the message
     */
    <T> T readConsistently(String what, Supplier<T> read);

    /** Builds the model that a file's configuration describes, its arrays at their initial values. */
    @FunctionalInterface
    interface Assembly<M extends SavedModel> {
        /**
         * @param sizeLimit the most bytes the network's arrays may take: building a larger one
         *                  fails (with {@link org.neurite.core.network.NetworkTooLargeException})
         *                  before allocating it
         */
        M assemble(ModelConfig config, long sizeLimit);
    }
}
