/**
 * Data-parallel training of Neurite models on Apache Spark: {@link org.neurite.spark.SparkTrainer}
 * trains a model assembled from a configuration file on an RDD of {@link org.neurite.spark.Sample}s,
 * which {@link org.neurite.spark.SparkData} builds from a data set or reads on the executors.
 */
package org.neurite.spark;
