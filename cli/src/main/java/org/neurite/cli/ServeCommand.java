package org.neurite.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.neurite.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neurite serve MODEL}: predictions over HTTP until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a saved model over HTTP until stopped: POST /v1/predict with "
                + "{\"inputs\": [[...], ...]} answers {\"outputs\": [[...], ...]}; GET /v1/model describes the "
                + "model; GET /health answers {\"status\":\"ok\"}.",
                "Bad requests get a 4xx status and {\"error\": \"...\"}; the server keeps serving."})
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by neurite train --save.")
    Path modelFile;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to bind (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every "
                    + "interface).")
    String host;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "Request threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "" + PredictionServer.DEFAULT_MAX_BODY_BYTES,
            description = "The largest request body accepted (default ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + PredictionServer.DEFAULT_MAX_ROWS,
            description = "The most rows accepted per request (default ${DEFAULT-VALUE}).")
    int maxRows;

    @Mixin
    CommonOptions common;

    private final PrintStream out;

    ServeCommand() {
        this(System.out);
    }

    ServeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 to 65535, got " + port);
        }
        if (threads < 1 || maxBodyBytes < 1 || maxRows < 1) {
            throw new UsageException("--threads, --max-body-bytes and --max-rows must be at least 1");
        }
        Session session = Session.open(common);
        Model model = Models.load(session, modelFile);
        PredictionServer server;
        try {
            server = PredictionServer.start(model, new InetSocketAddress(host, port), threads, maxBodyBytes, maxRows);
        } catch (BindException e) {
            throw new UsageException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = server.address();
        out.println("Serving " + modelFile + " on http://" + bound.getHostString() + ":" + bound.getPort()
                + " (POST /v1/predict, GET /v1/model, GET /health)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "neurite-serve-stop"));
        stopped.await();
        return CommandLines.OK;
    }
}
