/**
 * Guice wiring for Neurite: {@link org.neurite.guice.NeuriteModule} binds the discovered
 * plugins by name and provides the {@link org.neurite.core.plugin.Plugins} built from them.
 */
package org.neurite.guice;
