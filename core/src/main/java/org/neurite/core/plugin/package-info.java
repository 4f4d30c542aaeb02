/**
 * Plugin discovery: one {@link java.util.ServiceLoader} site that builds a catalog of
 * activations, losses, optimizers and initializers by name.
 */
package org.neurite.core.plugin;
