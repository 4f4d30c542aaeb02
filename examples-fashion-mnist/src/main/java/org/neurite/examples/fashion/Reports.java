package org.neurite.examples.fashion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.model.Model;
import org.neurite.core.train.ClassificationReport;

/** The results of a run, as text for people and as one JSON object for programs. */
final class Reports {
    private Reports() {
    }

    /** The class names when there are ten classes, else generic ones. */
    static List<String> names(ClassificationReport report) {
        return report.classes() == FashionMnist.CLASS_NAMES.size() ? FashionMnist.CLASS_NAMES : List.of();
    }

    static void print(PrintStream out, Map<String, Double> evaluation, ClassificationReport report,
                      List<Double> epochSeconds) {
        out.println();
        double mean = epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        out.printf(Locale.ROOT, "Trained %d epochs, %.1f s per epoch on average%n", epochSeconds.size(), mean);
        out.printf(Locale.ROOT, "Test accuracy: %.4f - loss: %.4f (%d samples)%n", report.accuracy(),
                evaluation.get("loss"), report.total());
        out.println();
        out.println("Confusion matrix (rows: actual class, columns: predicted class)");
        out.print(report.confusionTable(names(report)));
        out.println();
        out.print(report.classTable(names(report)));
    }

    static String json(Model model, Map<String, Double> evaluation, ClassificationReport report,
                       List<Double> epochSeconds) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("test_accuracy", report.accuracy());
        root.put("test_loss", evaluation.get("loss"));
        root.put("test_samples", report.total());
        List<String> names = names(report);
        ArrayNode classNames = root.putArray("class_names");
        for (int c = 0; c < report.classes(); c++) {
            classNames.add(names.isEmpty() ? "class " + c : names.get(c));
        }
        ArrayNode confusion = root.putArray("confusion_matrix");
        for (long[] row : report.confusionMatrix()) {
            ArrayNode r = confusion.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        ArrayNode classes = root.putArray("per_class");
        for (int c = 0; c < report.classes(); c++) {
            ObjectNode o = classes.addObject();
            o.put("class", c);
            o.put("name", classNames.get(c).asText());
            o.put("precision", report.precision(c));
            o.put("recall", report.recall(c));
            o.put("f1", report.f1(c));
            o.put("support", report.support(c));
        }
        double[] macro = report.macroAverage();
        ObjectNode m = root.putObject("macro_avg");
        m.put("precision", macro[0]);
        m.put("recall", macro[1]);
        m.put("f1", macro[2]);
        ObjectNode history = root.putObject("history");
        model.history().asMap().forEach((key, values) -> {
            ArrayNode list = history.putArray(key);
            values.forEach(list::add);
        });
        ArrayNode seconds = root.putArray("epoch_seconds");
        epochSeconds.forEach(seconds::add);
        root.put("seed", model.seed());
        root.set("config", ConfigWriter.toTree(model.config()));
        return root.toString();
    }
}
