package org.neurite.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The acceptance criterion: the default configuration, trained for its 10 epochs on the
 * real Fashion-MNIST data, reaches at least 88% test accuracy. Runs the packaged jar exactly as
 * a user would; skipped when Debian's {@code dataset-fashion-mnist} package is not installed.
 */
class FashionMnistAcceptanceIT {
    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    @Test
    void theDefaultConfigurationReaches88PercentTestAccuracyIn10Epochs() throws Exception {
        Assumptions.assumeTrue(FILES.stream().allMatch(f -> Files.isRegularFile(FashionMnist.DEBIAN_DIRECTORY.resolve(f))),
                "Fashion-MNIST is not installed in " + FashionMnist.DEBIAN_DIRECTORY
                        + " (sudo apt-get install dataset-fashion-mnist)");
        long start = System.nanoTime();
        FashionMnistJarIT.Result r = FashionMnistJarIT.java(60, "--json");
        double minutes = (System.nanoTime() - start) / 60e9;
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(10, json.get("history").get("loss").size(), "the configured 10 epochs");
        double accuracy = json.get("test_accuracy").asDouble();
        // One line in the build log; the run's full report is in the failure message if it falls short.
        System.out.printf(java.util.Locale.ROOT, "Fashion-MNIST acceptance: test accuracy %.4f in %.1f min%n",
                accuracy, minutes);
        assertTrue(accuracy >= 0.88, "test accuracy " + accuracy + " < 0.88; the run's report:\n" + r.err());
        assertEquals(10000, json.get("test_samples").asInt());
    }
}
