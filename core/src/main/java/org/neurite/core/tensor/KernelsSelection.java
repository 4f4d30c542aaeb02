package org.neurite.core.tensor;

import org.neurite.core.internal.ServiceProviders;
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
        for (ServiceProviders.Loaded<Kernels> loaded : ServiceProviders.load(Kernels.class, loader, "kernels",
                (message, cause) -> LOG.warn("{}", message))) {
            Kernels candidate = loaded.instance();
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
            } else {
                LOG.info("The '{}' kernels can run but are not expected to be faster here than the '{}'"
                        + " ones: {}.", candidate.name(), best.name(), candidate);
            }
        }
        LOG.info("Using the '{}' kernels with {} thread(s): {}", best.name(), best.threads(), best);
        return best;
    }
}
