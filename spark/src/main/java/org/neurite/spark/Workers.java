package org.neurite.spark;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.TaskContext;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.spi.MetricType;

/**
 * The executor side's models: each task borrows one built from the broadcast configuration,
 * overwrites its parameters and gives it back, so an executor builds a network once per
 * concurrent task and configuration, not once per step. Thread-safe.
 */
final class Workers {
    private static final int MAX_CONFIGURATIONS = 16;
    private static final Map<String, Queue<Worker>> IDLE = new ConcurrentHashMap<>();
    private static volatile Plugins plugins;

    private Workers() {
    }

    /** A model, its parameters and its metrics, used by one task at a time. */
    record Worker(String key, Model model, List<Parameter> parameters, List<MetricType> metrics) {
    }

    /** The plugins visible to this JVM's tasks, discovered once. */
    static Plugins plugins() {
        Plugins p = plugins;
        if (p == null) {
            synchronized (Workers.class) {
                if (plugins == null) {
                    // Spark loads the application's jars in the task's context class loader.
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    plugins = Plugins.discover(loader != null ? loader : Workers.class.getClassLoader());
                }
                p = plugins;
            }
        }
        return p;
    }

    /** A worker for the architecture in {@code configJson}, built if none is idle. */
    static Worker borrow(String configJson) {
        int threads = TaskContext.get() == null ? 1 : Math.max(1, TaskContext.get().cpus());
        String key = threads + "\n" + configJson;
        if (IDLE.size() > MAX_CONFIGURATIONS && !IDLE.containsKey(key)) {
            // A long-lived executor that has served many models: forget the idle ones.
            IDLE.clear();
        }
        Worker w = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
        return w != null ? w : build(key, configJson, threads);
    }

    /** Gives {@code worker} back for the next task. */
    static void release(Worker worker) {
        IDLE.computeIfAbsent(worker.key(), k -> new ConcurrentLinkedQueue<>()).add(worker);
    }

    private static Worker build(String key, String configJson, int threads) {
        Plugins p = plugins();
        Model model = new ModelAssembler(p, Kernels.best().withThreads(threads))
                .assemble(new ConfigReader(p).parse(configJson, "model.json"));
        return new Worker(key, model, model.network().parameters(), model.trainer().metrics());
    }
}
