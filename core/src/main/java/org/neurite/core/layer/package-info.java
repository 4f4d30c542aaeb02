/** Layers: {@link org.neurite.core.layer.Dense} and the stand-alone activation layer. */
package org.neurite.core.layer;
