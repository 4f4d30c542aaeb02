package org.neurite.core.spi;

import java.util.List;

/**
 * A kind of layer, found by name: the plugin behind a configuration's {@code {type: dense}}.
 * A service interface: providers are found with {@link java.util.ServiceLoader} and used by
 * their {@link #name()}.
 *
 * <p>A layer type declares what a configuration may give it — hyperparameters (like any
 * component: {@link #hyperparameters()}), nested components ({@link #components()}, such as
 * an activation or initializers) and explicit arrays ({@link #arrays()}, such as initial
 * weights) — and {@link #create creates} one {@link Layer} from validated arguments. The
 * configuration reader checks every key, type, range and name against these declarations, so
 * a layer plugin writes no parsing code.
 *
 * <p><b>Sharing and state.</b> The discovered instance is shared: it holds no mutable state.
 * Each created layer is owned by one network.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.LayerType}:
 * <pre>{@code
 * public final class ScaleType implements LayerType {
 *     public String name() { return "scale"; }
 *
 *     public List<Hyperparameter> hyperparameters() {
 *         return List.of(Hyperparameter.number("factor", 2.0));
 *     }
 *
 *     public Layer create(LayerArguments args) {
 *         float factor = (float) args.hyperparameters().number("factor");
 *         return new Layer() {     // y = factor · x
 *             public String name() { return args.name(); }
 *             public String type() { return "scale"; }
 *             public int outputWidth(int inputWidth) { return inputWidth; }
 *             public void build(int inputWidth, LayerContext context) { }
 *             public void forward(Matrix x, Matrix y, Pass pass) {
 *                 for (int i = 0; i < x.size(); i++) y.data()[i] = factor * x.data()[i];
 *             }
 *             public void backward(Matrix x, Matrix y, Matrix gradY, Matrix gradX) {
 *                 if (gradX != null) for (int i = 0; i < x.size(); i++) gradX.data()[i] = factor * gradY.data()[i];
 *             }
 *         };
 *     }
 * }
 * }</pre>
 */
public interface LayerType extends Component {

    /**
     * Layer types take their hyperparameters in {@link #create}; this returns {@code this}.
     */
    default LayerType configure(Hyperparameters values) {
        return this;
    }

    /** The nested components a layer of this type takes, by configuration key. */
    default List<ComponentSlot> components() {
        return List.of();
    }

    /** The explicit arrays (such as initial {@code weights}) a layer of this type takes. */
    default List<ArraySlot> arrays() {
        return List.of();
    }

    /**
     * A new, unbuilt layer. Creating allocates nothing large: parameters are allocated when the
     * network {@link Layer#build builds} it. Cross-field checks belong here and in
     * {@link Layer#outputWidth}: throw {@link HyperparameterException} naming the key.
     *
     * @param arguments the layer's name, validated hyperparameters, components and arrays
     */
    Layer create(LayerArguments arguments);

    /**
     * A component a layer takes, such as {@code activation} or {@code kernel_initializer}.
     *
     * @param key         the configuration key
     * @param type        the service interface of the component ({@link Activation},
     *                    {@link Initializer}, ...)
     * @param defaultName the plugin used when the key is absent, or {@code null} if the
     *                    component is optional (absent means none)
     * @param required    whether the key must be given
     */
    record ComponentSlot(String key, Class<? extends Component> type, String defaultName, boolean required) {
        /** An optional component with no default (absent means none, e.g. no activation). */
        public static ComponentSlot optional(String key, Class<? extends Component> type) {
            return new ComponentSlot(key, type, null, false);
        }

        /** A component with a default plugin, e.g. {@code kernel_initializer: glorot_uniform}. */
        public static ComponentSlot withDefault(String key, Class<? extends Component> type, String defaultName) {
            return new ComponentSlot(key, type, defaultName, false);
        }

        /** A component that must be given. */
        public static ComponentSlot required(String key, Class<? extends Component> type) {
            return new ComponentSlot(key, type, null, true);
        }
    }

    /**
     * An explicit array a layer takes, written in configurations as a list of numbers (a
     * 1×n row) or a list of rows.
     *
     * @param key         the configuration key, such as {@code weights}
     * @param description its shape in words, for messages, such as {@code inputs×units}
     */
    record ArraySlot(String key, String description) {
    }
}
