package org.neurite.core.layer;

import java.util.List;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Regularizer;

/**
 * The {@code dense} layer type, with Keras's keys and defaults: {@code units},
 * {@code use_bias} (true), {@code activation} (none), {@code kernel_initializer}
 * ({@code glorot_uniform}), {@code bias_initializer} ({@code zeros}), {@code kernel_regularizer},
 * {@code bias_regularizer} and {@code activity_regularizer} (none), and explicit initial
 * {@code weights} (inputs×units) and {@code bias} (1×units).
 */
public final class DenseType implements LayerType {
    /** The registry name. */
    public static final String NAME = "dense";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.integer("units", 1).atLeast(1).required(),
                Hyperparameter.bool("use_bias", true));
    }

    @Override
    public List<ComponentSlot> components() {
        return List.of(ComponentSlot.optional("activation", Activation.class),
                ComponentSlot.withDefault("kernel_initializer", Initializer.class, "glorot_uniform"),
                ComponentSlot.withDefault("bias_initializer", Initializer.class, "zeros"),
                ComponentSlot.optional("kernel_regularizer", Regularizer.class),
                ComponentSlot.optional("bias_regularizer", Regularizer.class),
                ComponentSlot.optional("activity_regularizer", Regularizer.class));
    }

    @Override
    public List<ArraySlot> arrays() {
        return List.of(new ArraySlot("weights", "inputs×units"), new ArraySlot("bias", "1×units"));
    }

    @Override
    public Layer create(LayerArguments a) {
        long units = a.hyperparameters().integer("units");
        if (units > Integer.MAX_VALUE) {
            throw new org.neurite.core.spi.HyperparameterException("units", a.name() + ": units = "
                    + units + " is more than a layer can hold (at most " + Integer.MAX_VALUE + ")");
        }
        return Dense.builder((int) units).name(a.name())
                .activation(a.component("activation", Activation.class))
                .useBias(a.hyperparameters().bool("use_bias"))
                .kernelInitializer(a.component("kernel_initializer", Initializer.class))
                .biasInitializer(a.component("bias_initializer", Initializer.class))
                .kernelRegularizer(a.component("kernel_regularizer", Regularizer.class))
                .biasRegularizer(a.component("bias_regularizer", Regularizer.class))
                .activityRegularizer(a.component("activity_regularizer", Regularizer.class))
                .weights(a.array("weights"))
                .bias(a.array("bias"))
                .build();
    }
}
