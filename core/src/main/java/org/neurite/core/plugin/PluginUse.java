package org.neurite.core.plugin;

/**
 * A plugin a model uses, and where it came from (recorded in model files).
 *
 * @param kind           {@code activation}, {@code loss}, {@code optimizer} or {@code initializer}
 * @param name           the plugin's name
 * @param implementation the class implementing it (which names its module even inside a
 *                       jar that bundles several)
 * @param source         the jar or directory it was loaded from, or how it was bound
 */
public record PluginUse(String kind, String name, String implementation, String source) {
}
