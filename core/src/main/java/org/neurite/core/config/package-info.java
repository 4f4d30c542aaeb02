/**
 * Configuration files (JSON or YAML): the strict schema, its reader and writer, and the
 * assembler that turns a configuration into a model through the plugin catalogs.
 */
package org.neurite.core.config;
