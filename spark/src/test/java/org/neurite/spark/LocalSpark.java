package org.neurite.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one local Spark context of this test JVM: two worker threads (the machine's
 * two cores), up to four attempts per task so that failed tasks are retried as on a cluster,
 * no UI, the driver on 127.0.0.1. Created on first use, stopped when the test run ends.
 */
final class LocalSpark implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSpark.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == JavaSparkContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Context.class, k -> new Context(), Context.class).sc;
    }

    /** The context, closed by JUnit with the root store at the end of the run. */
    private static final class Context implements AutoCloseable {
        final JavaSparkContext sc = new JavaSparkContext(new SparkConf()
                // local[threads, maxFailures]: plain local[2] never retries a failed task.
                .setMaster("local[2,4]")
                .setAppName("neurite-spark-tests")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.shuffle.partitions", "2"));

        @Override
        public void close() {
            sc.close();
        }
    }
}
