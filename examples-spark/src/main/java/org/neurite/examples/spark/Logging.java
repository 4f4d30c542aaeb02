package org.neurite.examples.spark;

/** Quiet logging for runs with plain {@code java}, where no log4j2 configuration is given. */
final class Logging {
    private Logging() {
    }

    /**
     * Points log4j2 at this jar's WARN-level configuration unless one is configured (as
     * spark-submit does), before Spark or SLF4J first log anything.
     */
    static void quietUnlessConfigured() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("SPARK_SUBMIT") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:neurite-spark-log4j2.properties");
        }
    }
}
