/**
 * Models: a network together with its configuration, loss, optimizer state and history, and
 * the assembler that builds one from a configuration through the plugin catalogs.
 */
package org.neurite.core.model;
