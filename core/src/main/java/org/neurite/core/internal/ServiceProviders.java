package org.neurite.core.internal;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The one place in Neurite that reads {@link ServiceLoader}: plugin discovery and the choice
 * of kernels both go through it. A provider that cannot be loaded or created is reported and
 * skipped; the others are unaffected.
 */
public final class ServiceProviders {
    private ServiceProviders() {
    }

    /**
     * A provider that was created, with where it came from.
     *
     * @param instance the provider
     * @param source   the jar or directory its class was loaded from
     */
    public record Loaded<S>(S instance, String source) {
    }

    /** What is told about a provider that could not be loaded or created. */
    @FunctionalInterface
    public interface FailureHandler {
        /**
         * @param message what failed, naming the class (if known), its jar and the cause
         * @param cause   the error
         */
        void failed(String message, Throwable cause);
    }

    /**
     * Every provider of {@code service} visible to {@code loader}, created with its public
     * no-argument constructor, in the order {@link ServiceLoader} finds them.
     *
     * @param label how to call one provider in messages, such as {@code activation}
     */
    public static <S> List<Loaded<S>> load(Class<S> service, ClassLoader loader, String label,
                                           FailureHandler onFailure) {
        List<Loaded<S>> loaded = new ArrayList<>();
        Iterator<ServiceLoader.Provider<S>> providers = ServiceLoader.load(service, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // The iterator skips the broken entry and carries on with the next one.
                String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "An " : "A ";
                onFailure.failed(article + label + " provider listed in META-INF/services/"
                        + service.getName() + " could not be loaded: " + describe(e), e);
                continue;
            }
            String source = "?";
            try {
                source = sourceOf(provider.type());
                loaded.add(new Loaded<>(provider.get(), source));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                onFailure.failed("The " + label + " provider " + provider.type().getName()
                        + " (from " + source + ") could not be created: " + describe(e)
                        + ". It is left out; the other plugins are unaffected.", e);
            }
        }
        return loaded;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getMessage() + " (caused by " + root + ")";
    }

    /** The jar or directory a class was loaded from. */
    public static String sourceOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        URL location = cs == null ? null : cs.getLocation();
        if (location == null) {
            return "the system class path";
        }
        try {
            return "file".equals(location.getProtocol()) ? Path.of(location.toURI()).toString()
                    : location.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }
}
