package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurite.integration.RegularizedTrainingTest.B1;
import static org.neurite.integration.RegularizedTrainingTest.B2;
import static org.neurite.integration.RegularizedTrainingTest.W1;
import static org.neurite.integration.RegularizedTrainingTest.W2;
import static org.neurite.integration.RegularizedTrainingTest.assertWeights;
import static org.neurite.integration.RegularizedTrainingTest.data;
import static org.neurite.integration.RegularizedTrainingTest.model;
import static org.neurite.integration.RegularizedTrainingTest.rows;
import static org.neurite.integration.RegularizedTrainingTest.yaml;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.train.History;

/**
 * Class weights from the configuration and sample weights from Java, against the float64
 * reference of Keras 3's arithmetic: a weighted batch's loss is {@code Σ wᵢ·lᵢ / n} (divided by
 * the batch's size, not by {@code Σ wᵢ}), {@code weighted_metrics} divide by {@code Σ wᵢ},
 * {@code metrics} ignore the weights, and class weights leave the validation data alone.
 */
class WeightedTrainingTest {
    private static final double TOLERANCE = 1e-5;
    private static final String PENALIZED = ", kernel_regularizer: {name: l2, l2: 0.02}";

    @TempDir
    Path dir;

    private static String weighted(String optimizer, String training) {
        return yaml(PENALIZED, "", optimizer, training).replace("metrics: [accuracy]",
                "metrics: [accuracy]\nweighted_metrics: [accuracy]");
    }

    private static double[] classWeights(Matrix y, double w0, double w1) {
        double[] w = new double[y.rows()];
        for (int r = 0; r < y.rows(); r++) {
            w[r] = y.get(r, 1) > y.get(r, 0) ? w1 : w0;
        }
        return w;
    }

    private void classWeightsTrainAsTheReference(String optimizer, DenseReference.Rule rule) {
        Dataset train = data(1, 10);
        Dataset validation = data(2, 6);
        Model model = model(weighted(optimizer, ", epochs: 8, class_weight: {0: 0.5, 1: 3.0}"));
        assertEquals(List.of("accuracy", "weighted_accuracy"), model.metrics());
        History history = model.fit(train, model.fitOptions().validation(validation).build());
        DenseReference reference = new DenseReference(W1, B1, W2, B2,
                new DenseReference.Penalties(0, 0.02, 0, 0, 0, 0), rule);
        double[] w = classWeights(train.y(), 0.5, 3.0);
        double[][] vx = rows(validation.x());
        double[][] vy = rows(validation.y());
        for (int e = 0; e < 8; e++) {
            double[] logged = reference.epoch(rows(train.x()), rows(train.y()), w, 4);
            String epoch = " of epoch " + (e + 1);
            assertEquals(logged[0], history.get("loss").get(e), TOLERANCE, "loss" + epoch);
            assertEquals(logged[1], history.get("weighted_accuracy").get(e), TOLERANCE, "weighted_accuracy" + epoch);
            assertEquals(logged[2], history.get("accuracy").get(e), TOLERANCE, "accuracy" + epoch);
            // Class weights are not applied to validation data.
            double valLoss = (4 * reference.loss(Arrays.copyOfRange(vx, 0, 4), Arrays.copyOfRange(vy, 0, 4), null)
                    + 2 * reference.loss(Arrays.copyOfRange(vx, 4, 6), Arrays.copyOfRange(vy, 4, 6), null)) / 6;
            assertEquals(valLoss, history.get("val_loss").get(e), TOLERANCE, "val_loss" + epoch);
            assertEquals(history.get("val_accuracy").get(e), history.get("val_weighted_accuracy").get(e), "val" + epoch);
        }
        assertWeights(reference, model);
    }

    @Test
    void classWeightsWithSgdTrainAsTheKerasReference() {
        classWeightsTrainAsTheReference("{name: sgd, learning_rate: 0.3}", new DenseReference.Rule("sgd", 0.3, 0));
    }

    @Test
    void classWeightsWithAdamTrainAsTheKerasReference() {
        classWeightsTrainAsTheReference("{name: adam, learning_rate: 0.05}", new DenseReference.Rule("adam", 0.05, 0));
    }

    @Test
    void sampleWeightsFromJavaTrainAsTheReferenceAndWeighTheValidationData() {
        Dataset train = data(3, 10);
        float[] given = {1, 0, 2, 0.5f, 1, 3, 0, 1, 1.5f, 2};
        Matrix weights = new Matrix(10, 1);
        System.arraycopy(given, 0, weights.data(), 0, 10);
        Dataset validation = data(4, 6);
        Matrix valWeights = Matrix.of(new float[][] {{2}, {1}, {0}, {1}, {3}, {1}});
        Model model = model(weighted("{name: sgd, learning_rate: 0.3, momentum: 0.5}", ", epochs: 6"));
        History history = model.fit(train.withSampleWeights(weights),
                model.fitOptions().validation(validation.withSampleWeights(valWeights)).build());
        DenseReference reference = new DenseReference(W1, B1, W2, B2,
                new DenseReference.Penalties(0, 0.02, 0, 0, 0, 0), new DenseReference.Rule("sgd", 0.3, 0.5));
        double[] w = new double[10];
        for (int i = 0; i < 10; i++) {
            w[i] = given[i];
        }
        double[][] vx = rows(validation.x());
        double[][] vy = rows(validation.y());
        double[] vw = {2, 1, 0, 1, 3, 1};
        for (int e = 0; e < 6; e++) {
            double[] logged = reference.epoch(rows(train.x()), rows(train.y()), w, 4);
            assertEquals(logged[0], history.get("loss").get(e), TOLERANCE, "loss");
            assertEquals(logged[1], history.get("weighted_accuracy").get(e), TOLERANCE, "weighted_accuracy");
            double valLoss = (4 * reference.loss(Arrays.copyOfRange(vx, 0, 4), Arrays.copyOfRange(vy, 0, 4),
                    Arrays.copyOfRange(vw, 0, 4))
                    + 2 * reference.loss(Arrays.copyOfRange(vx, 4, 6), Arrays.copyOfRange(vy, 4, 6),
                    Arrays.copyOfRange(vw, 4, 6))) / 6;
            assertEquals(valLoss, history.get("val_loss").get(e), TOLERANCE, "val_loss");
        }
        assertWeights(reference, model);
    }

    @Test
    void aWeightedBatchLossIsDividedByTheBatchSizeNotByTheSumOfWeights() {
        Model model = model(yaml("", "", "sgd", ""));        // batch_size 4: one batch
        Dataset data = data(5, 4);
        Matrix w = Matrix.of(new float[][] {{3}, {0}, {2}, {0}});   // Σw = 5, n = 4
        DenseReference reference = new DenseReference(W1, B1, W2, B2, DenseReference.Penalties.NONE,
                new DenseReference.Rule("sgd", 0, 0));
        double[][] x = rows(data.x());
        double[][] y = rows(data.y());
        double[] perSample = new double[4];
        for (int r = 0; r < 4; r++) {
            perSample[r] = reference.loss(new double[][] {x[r]}, new double[][] {y[r]}, null);
        }
        double sum = 3 * perSample[0] + 2 * perSample[2];
        double loss = model.evaluate(data.withSampleWeights(w)).get("loss");
        assertEquals(sum / 4, loss, 1e-6);                       // Keras 3: Σ wᵢ·lᵢ / n
        assertTrue(Math.abs(loss - sum / 5) > 1e-3, "not Σ wᵢ·lᵢ / Σ wᵢ");
    }

    @Test
    void classWeightsAndWeightedMetricsAreWrittenBackSavedAndLoaded() {
        Model model = model(weighted("sgd", ", epochs: 2, class_weight: {0: 0.5, 1: 3.0}"));
        String json = ConfigWriter.toJson(model.config());
        ModelConfig again = new ConfigReader(RegularizedTrainingTest.PLUGINS).parse(json, "again.json");
        assertEquals(model.config().training(), again.training());
        assertEquals(model.config().weightedMetrics(), again.weightedMetrics());
        assertEquals(Map.of(0, 0.5, 1, 3.0), again.training().classWeight());

        model.fit(data(1, 10));
        Path file = dir.resolve("weighted.neurite");
        model.save(file);
        Model loaded = Model.load(file, RegularizedTrainingTest.ASSEMBLER);
        assertEquals(Map.of(0, 0.5, 1, 3.0), loaded.fitOptions().build().classWeight());
        assertEquals(List.of("accuracy", "weighted_accuracy"), loaded.metrics());
        model.fit(data(1, 10));
        loaded.fit(data(1, 10));
        assertEquals(model.history().asMap(), loaded.history().asMap());
    }

    @Test
    void aClassIndexOutOfRangeIsAConfigErrorWithThePathTheValueAndTheRange() {
        var e = assertThrows(ConfigException.class, () -> model(yaml("", "", "sgd", ", class_weight: {0: 1.0, 2: 4.0}")));
        assertEquals("training.class_weight.2", e.path());
        assertTrue(e.detail().contains("class index 2 is out of range"), e.getMessage());
        assertTrue(e.detail().contains("indices 0 to 1"), e.getMessage());
    }

    @Test
    void aNegativeClassWeightIsAConfigErrorWithThePathTheValueAndTheRange() {
        var e = assertThrows(ConfigException.class, () -> model(yaml("", "", "sgd", ", class_weight: {1: -2}")));
        assertEquals("training.class_weight.1", e.path());
        assertTrue(e.detail().contains("the weight of class 1 is -2.0"), e.getMessage());
        assertTrue(e.detail().contains("weights ≥ 0"), e.getMessage());
    }

    @Test
    void aClassWeightKeyThatIsNoIndexIsAConfigError() {
        var e = assertThrows(ConfigException.class, () -> model(yaml("", "", "sgd", ", class_weight: {cat: 2}")));
        assertEquals("training.class_weight.cat", e.path());
        assertTrue(e.detail().contains("'cat' is not a class index"), e.getMessage());
        var list = assertThrows(ConfigException.class, () -> model(yaml("", "", "sgd", ", class_weight: [1, 2]")));
        assertEquals("training.class_weight", list.path());
    }

    @Test
    void fromJavaBadClassWeightsAndClassAndSampleWeightsTogetherAreRefused() {
        Model model = model(yaml("", "", "sgd", ""));
        Dataset data = data(1, 10);
        var range = assertThrows(IllegalArgumentException.class,
                () -> model.fit(data, model.fitOptions().classWeight(Map.of(5, 1.0)).build()));
        assertTrue(range.getMessage().contains("class index 5 is out of range"), range.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> model.fit(data, model.fitOptions().classWeight(Map.of(0, -1.0)).build()));
        assertTrue(negative.getMessage().contains("the weight of class 0 is -1.0"), negative.getMessage());
        Matrix ones = new Matrix(10, 1).fill(1f);
        var both = assertThrows(IllegalArgumentException.class, () -> model.fit(data.withSampleWeights(ones),
                model.fitOptions().classWeight(Map.of(0, 2.0)).build()));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> data.withSampleWeights(Matrix.of(new float[][] {{1}, {-1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}})));
        assertEquals(0, model.history().epochs());
    }
}
