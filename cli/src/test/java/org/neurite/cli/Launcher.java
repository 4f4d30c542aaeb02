package org.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/neurite} as a user does, in a working directory, with a chosen environment. */
final class Launcher {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Launcher() {
    }

    static Path script() {
        return Path.of(System.getProperty("neurite.launcher", "bin/neurite")).toAbsolutePath();
    }

    /** The process, started: {@code neurite args...} in {@code dir}, with {@code env} added. */
    static Process start(Path dir, Map<String, String> env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove(PluginPath.ENVIRONMENT);
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = start(dir, env, List.of(args));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "neurite " + String.join(" ", args) + " did not finish");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), args);
    }
}
