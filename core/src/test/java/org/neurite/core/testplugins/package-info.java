/** Small plugins for core's own tests (core cannot depend on the plugin modules). */
package org.neurite.core.testplugins;
