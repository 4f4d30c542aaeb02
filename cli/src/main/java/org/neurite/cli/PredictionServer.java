package org.neurite.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.model.Model;
import org.neurite.core.plugin.PluginUse;
import org.neurite.core.tensor.Matrix;

/**
 * A model behind HTTP, on the JDK's {@code com.sun.net.httpserver}:
 * <ul>
 *   <li>{@code POST /v1/predict} with {@code {"inputs": [[...], ...]}} answers
 *       {@code {"outputs": [[...], ...]}} (floats as {@link Float#toString(float)}, as
 *       {@code neurite predict} writes them);</li>
 *   <li>{@code GET /v1/model}: the summary, shapes, seed, history length, configuration and plugins;</li>
 *   <li>{@code GET /health}: {@code {"status": "ok"}}.</li>
 * </ul>
 * A bad request gets a 4xx and {@code {"error": "..."}} saying what is wrong: 400 for malformed
 * JSON, a wrong shape, a wrong row width or a value that is not a finite float; 413 for a body or
 * a batch over the limits; 404 and 405 for other paths and methods. The server keeps serving.
 * Requests are predicted concurrently ({@link Model#predict} may be called from many threads).
 */
public final class PredictionServer implements AutoCloseable {
    /** The default request body limit: 4 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 << 20;
    /** The default limit of rows per request. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Model model;
    private final HttpServer server;
    private final ExecutorService executor;
    private final int maxBodyBytes;
    private final int maxRows;
    private final byte[] modelJson;

    private PredictionServer(Model model, HttpServer server, ExecutorService executor, int maxBodyBytes, int maxRows) {
        this.model = model;
        this.server = server;
        this.executor = executor;
        this.maxBodyBytes = maxBodyBytes;
        this.maxRows = maxRows;
        this.modelJson = describe(model).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts serving {@code model} on {@code address} (port 0 picks a free port) with
     * {@code threads} request threads.
     *
     * @throws IOException if the address cannot be bound
     */
    public static PredictionServer start(Model model, InetSocketAddress address, int threads, int maxBodyBytes,
                                         int maxRows) throws IOException {
        Objects.requireNonNull(model, "model");
        if (threads < 1 || maxBodyBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("threads, body limit and row limit must be positive");
        }
        HttpServer server = HttpServer.create(address, 128);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neurite-serve-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        PredictionServer s = new PredictionServer(model, server, executor, maxBodyBytes, maxRows);
        server.setExecutor(executor);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops accepting requests and ends the request threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/v1/predict" -> {
                    if (!method.equals("POST")) {
                        reply(exchange, 405, error("use POST for /v1/predict"), "POST");
                    } else {
                        predict(exchange);
                    }
                }
                case "/v1/model" -> {
                    if (!method.equals("GET")) {
                        reply(exchange, 405, error("use GET for /v1/model"), "GET");
                    } else {
                        reply(exchange, 200, modelJson, null);
                    }
                }
                case "/health" -> {
                    if (!method.equals("GET")) {
                        reply(exchange, 405, error("use GET for /health"), "GET");
                    } else {
                        reply(exchange, 200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8), null);
                    }
                }
                default -> reply(exchange, 404, error("no such path: " + path
                        + "; available: POST /v1/predict, GET /v1/model, GET /health"), null);
            }
        } catch (RuntimeException e) {
            // Never lose the server to one request.
            try {
                reply(exchange, 500, error("internal error: " + e), null);
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone
            }
        }
    }

    private void predict(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                reply(exchange, 400, error("Content-Length is not a number: " + length), null);
                return;
            }
            if (declared > maxBodyBytes) {
                reply(exchange, 413, error("the body has " + declared + " bytes; at most " + maxBodyBytes
                        + " are accepted (neurite serve --max-body-bytes)"), null);
                return;
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            reply(exchange, 413, error("the body has more than " + maxBodyBytes + " bytes (neurite serve "
                    + "--max-body-bytes)"), null);
            return;
        }
        Matrix x;
        try {
            x = inputs(body);
        } catch (BadRequest e) {
            reply(exchange, e.status, error(e.getMessage()), null);
            return;
        }
        Matrix y = model.predict(x);   // concurrent predictions are safe, each thread has its own buffers
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode outputs = root.putArray("outputs");
        for (int r = 0; r < y.rows(); r++) {
            ArrayNode row = outputs.addArray();
            for (int c = 0; c < y.cols(); c++) {
                row.add(y.get(r, c));
            }
        }
        reply(exchange, 200, MAPPER.writeValueAsBytes(root), null);
    }

    /** The inputs of a request body, checked: an object with one key, inputs, a non-empty list of rows. */
    private Matrix inputs(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest(400, "unreadable body: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest(400, "the body must be a JSON object {\"inputs\": [[...], ...]}");
        }
        JsonNode inputs = root.get("inputs");
        if (root.size() != 1 || inputs == null) {
            throw new BadRequest(400, "the body must have exactly one key, inputs; found " + fieldNames(root));
        }
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw new BadRequest(400, "inputs must be a non-empty list of rows, such as [[0, 1], [1, 1]]");
        }
        if (inputs.size() > maxRows) {
            throw new BadRequest(413, "inputs has " + inputs.size() + " rows; at most " + maxRows
                    + " are accepted per request (neurite serve --max-rows)");
        }
        int width = model.network().inputSize();
        Matrix x = new Matrix(inputs.size(), width);
        for (int r = 0; r < inputs.size(); r++) {
            JsonNode row = inputs.get(r);
            if (!row.isArray()) {
                throw new BadRequest(400, "inputs[" + r + "] must be a list of " + width + " numbers");
            }
            if (row.size() != width) {
                throw new BadRequest(400, "inputs[" + r + "] has " + row.size() + " values but the model takes "
                        + width);
            }
            for (int c = 0; c < width; c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber()) {
                    throw new BadRequest(400, "inputs[" + r + "][" + c + "] is " + v + ", not a number");
                }
                float f = (float) v.doubleValue();
                if (!Float.isFinite(f)) {
                    throw new BadRequest(400, "inputs[" + r + "][" + c + "] is " + v.asText()
                            + ", which is not a finite float");
                }
                x.set(r, c, f);
            }
        }
        return x;
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder sb = new StringBuilder("[");
        node.fieldNames().forEachRemaining(n -> sb.append(sb.length() > 1 ? ", " : "").append(n));
        return sb.append(']').toString();
    }

    private static ObjectNode describe(Model model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("input_size", model.network().inputSize());
        root.put("output_size", model.network().outputSize());
        root.put("parameters", model.network().parameterCount());
        root.put("seed", model.seed());
        root.put("epochs", model.history().epochs());
        root.put("summary", model.network().summary());
        root.set("config", ConfigWriter.toTree(model.config()));
        ArrayNode plugins = root.putArray("plugins");
        model.plugins().stream().sorted(Comparator.comparing(PluginUse::kind).thenComparing(PluginUse::name))
                .forEach(p -> plugins.addObject().put("kind", p.kind()).put("name", p.name())
                        .put("source", p.source()));
        return root;
    }

    private static byte[] error(String message) {
        return MAPPER.createObjectNode().put("error", message).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, String allow) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (allow != null) {
            exchange.getResponseHeaders().set("Allow", allow);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A request refused with a status and a message. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
