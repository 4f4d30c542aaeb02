package org.neurite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurite serve} started from the launcher and queried with {@link HttpClient}. */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ADDRESS = Pattern.compile("on http://(127\\.0\\.0\\.1):(\\d+) ");

    @TempDir
    Path dir;

    @Test
    void servesPredictionsIdenticalToPredictAndRefusesBadRequestsWhileServingOn() throws Exception {
        TestData.xor(dir, "relu", 300);
        assertEquals(0, Launcher.run(dir, "train", "xor.yaml", "--save", "xor.neurite").exitCode());
        Files.writeString(dir.resolve("in.csv"), "0,0\n0,1\n1,0\n1,1\n0.25,0.75\n");
        Launcher.Result predicted = Launcher.run(dir, "predict", "xor.neurite", "--input", "in.csv", "--output", "-");
        assertEquals(0, predicted.exitCode(), predicted.toString());
        float[][] expected = NeuriteLauncherIT.parseCsv(predicted.out());

        Process server = Launcher.start(dir, Map.of(), List.of("serve", "xor.neurite", "--port", "0",
                "--max-body-bytes", "2000"));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null, "the server printed nothing");
            Matcher m = ADDRESS.matcher(line);
            assertTrue(m.find(), "binds to 127.0.0.1 by default: " + line);
            URI base = URI.create("http://127.0.0.1:" + m.group(2));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("ok", JSON.readTree(health.body()).get("status").asText());

            HttpResponse<String> info = client.send(HttpRequest.newBuilder(base.resolve("/v1/model")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, info.statusCode());
            JsonNode model = JSON.readTree(info.body());
            assertEquals(2, model.get("input_size").asInt());
            assertEquals(2, model.get("output_size").asInt());
            assertEquals(300, model.get("epochs").asInt());
            assertTrue(model.get("summary").asText().contains("Total params: 42"), info.body());

            String inputs = "{\"inputs\": [[0,0],[0,1],[1,0],[1,1],[0.25,0.75]]}";
            assertPredicts(client, base, inputs, expected);

            assertRefused(client, base, 400, "{\"inputs\": [[0,0],", "malformed JSON");
            assertRefused(client, base, 400, "{\"inputs\": [[0,0,1]]}", "has 3 values but the model takes 2");
            assertRefused(client, base, 400, "{\"inputs\": [[0,1e999]]}", "not a finite float");
            assertRefused(client, base, 400, "{\"inputs\": [[0,\"one\"]]}", "not a number");
            assertRefused(client, base, 400, "{\"rows\": [[0,1]]}", "exactly one key, inputs");
            assertRefused(client, base, 400, "{\"inputs\": []}", "non-empty list");
            assertRefused(client, base, 413, "{\"inputs\": [" + "[0,1],".repeat(500) + "[0,1]]}", "at most 2000");
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/v1/predict")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(base.resolve("/v2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());

            assertPredicts(client, base, inputs, expected);
            assertTrue(server.isAlive(), "still serving after bad requests");
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static void assertPredicts(HttpClient client, URI base, String body, float[][] expected) throws Exception {
        HttpResponse<String> r = client.send(post(base, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode outputs = JSON.readTree(r.body()).get("outputs");
        assertEquals(expected.length, outputs.size());
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                float served = Float.parseFloat(outputs.get(i).get(j).asText());
                assertEquals(Float.floatToIntBits(expected[i][j]), Float.floatToIntBits(served),
                        "row " + i + ", output " + j + ": served " + served + ", predict wrote " + expected[i][j]);
            }
        }
    }

    private static void assertRefused(HttpClient client, URI base, int status, String body, String message)
            throws Exception {
        HttpResponse<String> r = client.send(post(base, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), body + " -> " + r.body());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.contains(message), body + " -> " + error);
    }

    static HttpRequest post(URI base, String body) {
        return HttpRequest.newBuilder(base.resolve("/v1/predict")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
