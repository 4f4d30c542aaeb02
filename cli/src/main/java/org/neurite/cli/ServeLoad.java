package org.neurite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

/**
 * A bounded load test of {@link PredictionServer} on loopback: several concurrent clients send
 * a fixed number of {@code POST /v1/predict} requests (or stop at a time limit), and the harness
 * prints throughput, latency percentiles, the error count and how many responses differ from
 * {@link Model#predict} on the same rows (what {@code neurite predict} writes). Exits 1 if any
 * request failed or any output differed.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp cli/target/neurite-cli-all.jar org.neurite.cli.ServeLoad \
 *     --clients 8 --requests 20000 --rows 1 --seconds 120
 * </pre>
 *
 * Without {@code --model FILE} it serves the Fashion-MNIST network (784-256-128-10) with its
 * seeded initial weights, saved to and loaded from a temporary model file.
 */
public final class ServeLoad {
    private static final String NETWORK = """
            input_shape: [784]
            layers:
              - {type: dense, units: 256, activation: relu}
              - {type: dense, units: 128, activation: relu}
              - {type: dense, units: 10, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: 1, batch_size: 64, seed: 4}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DISTINCT_BODIES = 64;

    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = 8;
        int requests = 20_000;
        int rows = 1;
        int seconds = 120;
        int threads = 4;
        Path modelFile = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(value);
                case "--requests" -> requests = Integer.parseInt(value);
                case "--rows" -> rows = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--model" -> modelFile = Path.of(value);
                default -> {
                    System.err.println("usage: ServeLoad [--model FILE] [--clients N] [--requests N] [--rows N] "
                            + "[--seconds N] [--threads N]");
                    System.exit(2);
                }
            }
        }
        Plugins plugins = Plugins.discover(ServeLoad.class.getClassLoader());
        ModelAssembler assembler = new ModelAssembler(plugins);
        if (modelFile == null) {
            Model fresh = assembler.assemble(new ConfigReader(plugins).parse(NETWORK, "fashion-mnist network"));
            modelFile = Files.createTempFile("serve-load", ".neurite");
            modelFile.toFile().deleteOnExit();
            fresh.save(modelFile);
        }
        Model model = Model.load(modelFile, assembler);
        Model reference = Model.load(modelFile, assembler);
        int width = model.network().inputSize();

        SplittableRandom random = new SplittableRandom(1);
        String[] bodies = new String[DISTINCT_BODIES];
        float[][] expected = new float[DISTINCT_BODIES][];
        for (int b = 0; b < DISTINCT_BODIES; b++) {
            Matrix x = new Matrix(rows, width);
            StringBuilder sb = new StringBuilder("{\"inputs\":[");
            for (int r = 0; r < rows; r++) {
                sb.append(r > 0 ? ",[" : "[");
                for (int c = 0; c < width; c++) {
                    float v = (float) random.nextDouble();
                    x.set(r, c, v);
                    sb.append(c > 0 ? "," : "").append(Float.toString(v));
                }
                sb.append(']');
            }
            bodies[b] = sb.append("]}").toString();
            expected[b] = reference.predict(x).data().clone();
        }

        try (PredictionServer server = PredictionServer.start(model, new InetSocketAddress("127.0.0.1", 0), threads,
                PredictionServer.DEFAULT_MAX_BODY_BYTES, PredictionServer.DEFAULT_MAX_ROWS)) {
            URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/v1/predict");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            // Warm-up: the JIT and the connections, not counted.
            for (int i = 0; i < 500; i++) {
                client.send(request(uri, bodies[i % DISTINCT_BODIES]), HttpResponse.BodyHandlers.ofString());
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger mismatches = new AtomicInteger();
            AtomicLong done = new AtomicLong();
            long[] latencies = new long[requests];
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            int total = requests;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        int b = i % DISTINCT_BODIES;
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(request(uri, bodies[b]),
                                    HttpResponse.BodyHandlers.ofString());
                            latencies[i] = System.nanoTime() - t0;
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else if (!matches(r.body(), expected[b])) {
                                mismatches.incrementAndGet();
                            }
                        } catch (Exception e) {
                            latencies[i] = System.nanoTime() - t0;
                            errors.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int n = (int) done.get();
            long[] measured = Arrays.stream(latencies).filter(v -> v > 0).sorted().toArray();
            System.out.printf(Locale.ROOT, "model: %s (%d inputs, %d outputs), %d rows per request%n", modelFile,
                    width, model.network().outputSize(), rows);
            System.out.printf(Locale.ROOT, "clients %d, server threads %d, %d requests in %.2f s%n", clients, threads,
                    n, elapsed);
            System.out.printf(Locale.ROOT, "throughput: %.0f requests/s, %.0f rows/s%n", n / elapsed, n * rows / elapsed);
            System.out.printf(Locale.ROOT, "latency ms: p50 %.3f, p90 %.3f, p99 %.3f, max %.3f%n",
                    percentile(measured, 0.50), percentile(measured, 0.90), percentile(measured, 0.99),
                    measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "errors: %d, outputs differing from predict: %d%n", errors.get(),
                    mismatches.get());
            System.exit(errors.get() == 0 && mismatches.get() == 0 ? 0 : 1);
        }
    }

    private static HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static boolean matches(String body, float[] expected) throws Exception {
        JsonNode outputs = JSON.readTree(body).get("outputs");
        int k = 0;
        for (JsonNode row : outputs) {
            for (JsonNode v : row) {
                if (k >= expected.length
                        || Float.floatToIntBits(Float.parseFloat(v.asText())) != Float.floatToIntBits(expected[k])) {
                    return false;
                }
                k++;
            }
        }
        return k == expected.length;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
