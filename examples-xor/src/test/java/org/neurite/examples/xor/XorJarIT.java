package org.neurite.examples.xor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar the way a user does: {@code java -jar neurite-examples-xor.jar}. */
class XorJarIT {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result java(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("xor.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarRunsTheReferenceProgramAndLearnsXor() throws Exception {
        Result r = java();
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("accuracy: 1.000000"), r.out());
        assertTrue(r.err().contains("kernels"), "the kernels in use are logged: " + r.err());
        assertFalse(r.err().contains("Discovered"), "discovery details are debug-level: " + r.err());
    }

    @Test
    void theJarPrintsJsonOnly() throws Exception {
        Result r = java("--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("[0,1,1,0]", json.get("classes").toString());
        assertEquals(1000, json.get("history").get("loss").size());
    }

    @Test
    void theJarRefusesABadConfigurationWithExitCodeTwo() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "input_shape: [2]\nlayers: []\nloss: categorical_crossentropy\noptimizer: sgd\n");
        Result r = java("--config", config.toString());
        assertEquals(2, r.exitCode());
        String expected = "error: " + config + ": layers: a network needs at least one layer";
        assertTrue(r.err().lines().anyMatch(expected::equals), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void theJarSavesAndLoadsAModel() throws Exception {
        Path model = dir.resolve("xor.neurite");
        Result saved = java("--json", "--save", model.toString());
        assertEquals(0, saved.exitCode(), saved.err());
        Result loaded = java("--json", "--load", model.toString());
        assertEquals(0, loaded.exitCode(), loaded.err());
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(saved.out()).get("predictions"), mapper.readTree(loaded.out()).get("predictions"));
    }
}
