package org.neurite.cli;

import java.nio.file.Path;
import org.neurite.core.data.Labels;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;

/** Loading a model file for a command, and checking that data fit it. */
final class Models {
    private Models() {
    }

    /** Loads the model file {@code file} with the session's plugins. */
    static Model load(Session session, Path file) {
        CommandLines.checkInputFile(file, "the model");
        return Model.load(file, session.assembler());
    }

    /** Fails unless {@code x} has one column per input of {@code model}. */
    static void requireWidth(Model model, Matrix x, String source) {
        if (x.cols() != model.network().inputSize()) {
            throw new UsageException(source + " has " + x.cols() + " values per row but the model takes "
                    + model.network().inputSize());
        }
    }

    /**
     * The labels {@code y} as the model's loss expects them: class indices (n×1) become one-hot
     * rows when the model has several outputs and its loss is not the sparse one.
     */
    static Matrix targets(Model model, Matrix y, String source) {
        int outputs = model.network().outputSize();
        if (y.cols() == outputs) {
            return y;
        }
        if (y.cols() == 1 && outputs > 1 && !model.config().loss().name().startsWith("sparse_")) {
            try {
                return Labels.oneHot(y, outputs);
            } catch (IllegalArgumentException e) {
                throw new UsageException(source + ": " + e.getMessage(), e);
            }
        }
        if (y.cols() == 1 && model.config().loss().name().startsWith("sparse_")) {
            return y;
        }
        throw new UsageException(source + " has " + y.cols() + " columns; the model has " + outputs
                + " outputs, so the labels need " + outputs + " columns (one-hot) or 1 (class indices)");
    }
}
