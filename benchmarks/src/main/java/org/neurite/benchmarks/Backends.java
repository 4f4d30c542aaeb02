package org.neurite.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.neurite.core.internal.ServiceProviders;
import org.neurite.core.tensor.Kernels;

/** The kernels implementations on the class path, by name. */
final class Backends {
    private Backends() {
    }

    /** The portable kernels and every provider on the class path, available or not. */
    static List<Kernels> all() {
        List<Kernels> all = new ArrayList<>();
        all.add(Kernels.portable());
        for (ServiceProviders.Loaded<Kernels> k : ServiceProviders.load(Kernels.class,
                Backends.class.getClassLoader(), "kernels", (message, cause) -> System.err.println(message))) {
            all.add(k.instance());
        }
        return all;
    }

    /** The kernels named {@code name}, using {@code threads} threads. */
    static Kernels named(String name, int threads) {
        List<String> names = new ArrayList<>();
        for (Kernels k : all()) {
            if (k.name().equals(name)) {
                if (!k.isAvailable()) {
                    throw new IllegalStateException("kernels '" + name + "' cannot run in this JVM: "
                            + k.howToEnable());
                }
                return k.withThreads(threads);
            }
            names.add(k.name());
        }
        throw new IllegalArgumentException("no kernels named '" + name + "' on the class path; found "
                + names);
    }
}
