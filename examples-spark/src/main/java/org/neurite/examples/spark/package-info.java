/**
 * The Spark example ({@link org.neurite.examples.spark.SparkExample}: a configuration file trained
 * on a Spark master) and the Spark throughput benchmark
 * ({@link org.neurite.examples.spark.SparkThroughput}).
 */
package org.neurite.examples.spark;
