package org.neurite.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.train.ClassificationReport;
import org.neurite.core.data.Dataset;

/**
 * A model's loss and metrics on a data set, and for classifiers (more than one output) the
 * classification report: confusion matrix, per-class precision, recall and F1.
 *
 * @param metrics        the loss and metrics by name
 * @param classification the report, or {@code null} for a model with one output
 * @param samples        the number of samples evaluated
 */
record Evaluation(Map<String, Double> metrics, ClassificationReport classification, int samples) {

    /** Evaluates {@code model} on {@code data}. */
    static Evaluation of(Model model, Dataset data) {
        Map<String, Double> metrics = new LinkedHashMap<>(model.evaluate(data));
        ClassificationReport report = null;
        Matrix predictions = model.predict(data.x());
        if (predictions.cols() > 1) {
            report = ClassificationReport.of(predictions, data.y());
        }
        return new Evaluation(metrics, report, data.size());
    }

    /** Prints the metrics on one line, then the report's tables. */
    void print(PrintStream out, String what) {
        StringBuilder line = new StringBuilder(what).append(" (").append(samples).append(" samples):");
        metrics.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        out.println(line);
        if (classification != null) {
            List<String> names = names(classification.classes());
            out.println();
            out.print(classification.confusionTable(names));
            out.println();
            out.print(classification.classTable(names));
        }
    }

    /** The metrics, accuracy and confusion matrix as JSON fields of {@code node}. */
    void json(ObjectNode node) {
        node.put("samples", samples);
        ObjectNode m = node.putObject("metrics");
        metrics.forEach(m::put);
        if (classification != null) {
            node.put("accuracy", classification.accuracy());
            var rows = node.putArray("confusion_matrix");
            for (long[] row : classification.confusionMatrix()) {
                var r = rows.addArray();
                for (long v : row) {
                    r.add(v);
                }
            }
        }
    }

    private static List<String> names(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class " + c);
        }
        return names;
    }
}
