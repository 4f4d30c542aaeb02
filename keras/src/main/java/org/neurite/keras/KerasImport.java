package org.neurite.keras;

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
 * Imports a Keras model as a Neurite model that predicts what Keras predicts.
 *
 * <pre>{@code
 * KerasImport.Result imported = KerasImport.read(Path.of("model.keras"), Plugins.discover());
 * Matrix y = imported.model().predict(x);
 * imported.notes().forEach(System.err::println);   // what of the compile configuration was not imported
 * }</pre>
 *
 * <p>Reads Keras 3 {@code .keras} files (and tf.keras 2.13+'s), legacy full-model {@code .h5}
 * files, and weights-only {@code .h5} files with the architecture JSON. Supported: Sequential
 * models and single-chain functional models of {@link #SUPPORTED_LAYERS}. Anything else is
 * refused with an {@link UnsupportedKerasModelException}; a damaged or hostile file with a
 * {@link KerasFormatException}; nothing is half-imported.
 */
public final class KerasImport {
    /** The Keras layer classes that are imported. */
    public static final List<String> SUPPORTED_LAYERS = KerasMapping.SUPPORTED;

    private KerasImport() {
    }

    /**
     * An imported model.
     *
     * @param model the Neurite model, with the file's weights
     * @param config its configuration (what {@code model.save} records)
     * @param notes what of the file's compile configuration was not imported, one sentence each
     */
    public record Result(Model model, ModelConfig config, List<String> notes) {
        /** The canonical constructor; copies the notes. */
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** A {@code .keras} file or a legacy full-model {@code .h5} file. */
    public static Result read(Path file, Plugins plugins) {
        return build(KerasFiles.read(file), file, plugins);
    }

    /** A weights-only {@code .h5} file with the architecture JSON ({@code model.to_json()}). */
    public static Result read(Path architecture, Path weights, Plugins plugins) {
        return build(KerasFiles.read(architecture, weights), weights, plugins);
    }

    /** The file's layers, config and weights in Keras's terms, before mapping. */
    public static KerasModel describe(Path file) {
        return KerasFiles.read(file);
    }

    /** The Neurite configuration tree (JSON) that {@code file} maps to. */
    public static ObjectNode configuration(Path file, List<String> notes) {
        return KerasMapping.configuration(KerasFiles.read(file), notes);
    }

    private static Result build(KerasModel keras, Path file, Plugins plugins) {
        List<String> notes = new ArrayList<>();
        ObjectNode tree = KerasMapping.configuration(keras, notes);
        ModelConfig config = new ConfigReader(plugins).parse(tree, file.getFileName().toString());
        return new Result(new ModelAssembler(plugins).assemble(config), config, notes);
    }
}
