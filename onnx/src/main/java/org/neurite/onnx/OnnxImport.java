package org.neurite.onnx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;

/**
 * Imports an ONNX model that is a multilayer perceptron as a Neurite model.
 *
 * <pre>{@code
 * OnnxImport.Result imported = OnnxImport.read(Path.of("mlp.onnx"), Plugins.discover());
 * Matrix y = imported.model().predict(x);
 * }</pre>
 *
 * <p>Reads what PyTorch's {@code torch.onnx.export} writes for an {@code nn.Sequential} of
 * {@code Linear}, {@code ReLU}, {@code Sigmoid}, {@code Tanh}, {@code Softmax},
 * {@code LeakyReLU}, {@code ELU}, {@code GELU}, {@code BatchNorm1d}, {@code LayerNorm},
 * {@code Identity}, {@code Dropout} and {@code Flatten}, {@code MatMul}+{@code Add} chains,
 * and what {@link OnnxExport} writes; initializers in {@code raw_data} or the typed fields (see
 * {@link #SUPPORTED_OPERATORS}). An operator or graph it cannot map is refused with an
 * {@link UnsupportedOnnxModelException} naming the node and the operator; a damaged, oversized
 * or inconsistent file with an {@link OnnxFormatException} (files of up to 1 GiB, every tensor's
 * claimed size checked against its data before it is allocated). Nothing is half-imported.
 */
public final class OnnxImport {
    /** The operators imported. */
    public static final List<String> SUPPORTED_OPERATORS = OnnxMapping.SUPPORTED;

    private OnnxImport() {
    }

    /**
     * An imported model.
     *
     * @param model  the Neurite model, with the file's weights
     * @param config its configuration
     * @param notes  what the file did not say and was set, one sentence each
     */
    public record Result(Model model, ModelConfig config, List<String> notes) {
        /** The canonical constructor; copies the notes. */
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Imports {@code file} with the layer types and activations of {@code plugins}. */
    public static Result read(Path file, Plugins plugins) {
        List<String> notes = new ArrayList<>();
        ObjectNode tree = configuration(file, notes);
        ModelConfig config = new ConfigReader(plugins).parse(tree, file.getFileName().toString());
        return new Result(new ModelAssembler(plugins).assemble(config), config, notes);
    }

    /** The Neurite configuration tree (JSON, weights as explicit arrays) that {@code file} maps to. */
    public static ObjectNode configuration(Path file, List<String> notes) {
        return OnnxMapping.configuration(file, OnnxFiles.read(file), notes);
    }
}
