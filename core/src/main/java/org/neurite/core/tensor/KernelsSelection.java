package org.neurite.core.tensor;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the kernels implementation once, on first use. */
final class KernelsSelection {
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    static final Kernels BEST = select(Kernels.class.getClassLoader());

    private KernelsSelection() {
    }

    static Kernels select(ClassLoader loader) {
        Kernels best = Kernels.portable();
        var providers = ServiceLoader.load(Kernels.class, loader).iterator();
        while (true) {
            Kernels candidate;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                candidate = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("Kernels provider could not be loaded, skipping it: {}", e.toString());
                continue;
            }
            boolean available;
            try {
                available = candidate.isAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            if (!available) {
                LOG.info("The '{}' kernels ({}) cannot run in this JVM; to use them, {}.",
                        candidate.name(), candidate.getClass().getName(), candidate.howToEnable());
            } else if (candidate.priority() > best.priority()) {
                best = candidate;
            }
        }
        LOG.info("Using the '{}' kernels with {} thread(s)", best.name(), best.threads());
        return best;
    }
}
