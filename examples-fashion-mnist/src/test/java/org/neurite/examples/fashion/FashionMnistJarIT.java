package org.neurite.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar the way a user does: {@code java -jar neurite-examples-fashion-mnist.jar}. */
class FashionMnistJarIT {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result java(long timeoutMinutes, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("fashion.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        // Drain stderr on its own thread: progress lines could fill the pipe while stdout waits.
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutMinutes, TimeUnit.MINUTES), "the jar finishes within " + timeoutMinutes + " min");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarTrainsOnDataGivenWithTheDataOption() throws Exception {
        Path data = SyntheticFashion.write(dir.resolve("data"));
        Path config = Files.writeString(dir.resolve("tiny.yaml"), SyntheticFashion.TINY_CONFIG);
        Result r = java(5, "--config", config.toString(), "--data", data.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(10, json.get("confusion_matrix").size());
        assertTrue(r.err().contains("kernels"), "the kernels in use are logged: " + r.err());
        assertFalse(r.err().contains("Discovered"), "discovery details are debug-level: " + r.err());
    }

    @Test
    void theJarSaysHowToGetMissingData() throws Exception {
        Result r = java(2, "--data", dir.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("sudo apt-get install dataset-fashion-mnist"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }
}
