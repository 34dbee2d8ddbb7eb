package dev.spindle.internal.launch;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class path of a child JVM: where this JVM's classes really came from, not only
 * {@code java.class.path}. Under {@code mvn exec:java}, IDE runners, application servers or a
 * custom {@link URLClassLoader}, the user's classes are not on {@code java.class.path}; so the
 * path also holds the entries of the URL class loaders that loaded Spindle, the thread's context
 * class loader and the target's class, and the code sources of those classes. Children always
 * run on the class path: the module path's modules are added to it.
 *
 * <p>The base part (everything but what only the target adds) is what the AOT cache is trained
 * on; a target's extra entries come after it, which the cache accepts.
 */
public final class ChildClassPath {
    /** Why a class cannot reach a child ("" if it can), worked out once per class: pools ask per task. */
    private static final ClassValue<String> UNREACHABLE = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return whyUnreachable(type);
        }
    };

    private ChildClassPath() {}

    /** The entries of {@link #base()}: what a cluster client ships. */
    public static List<String> entries() {
        return List.of(base().split(File.pathSeparator));
    }

    /** The class path for children in general: the JVM's paths plus the loaders of Spindle and of this thread. */
    static String base() {
        Set<String> entries = new LinkedHashSet<>();
        // Spindle first: the class loader opens the path's jars in order until it finds a class,
        // and a Spindle class the start-up cache lacks found behind 30 jars cost a child 20 ms.
        // Only Spindle's classes are found elsewhere than before, and they are the parent's own.
        addCodeSource(entries, ChildClassPath.class);
        addPathProperty(entries, "java.class.path");
        addModulePath(entries);
        addLoaders(entries, ChildClassPath.class.getClassLoader());
        addLoaders(entries, Thread.currentThread().getContextClassLoader());
        return String.join(File.pathSeparator, entries);
    }

    /** The entries {@code target}'s class needs beyond {@code base}, or "" if none. */
    static String extraFor(Class<?> target, String base) {
        if (target == null) {
            return "";
        }
        Set<String> known = Set.of(base.split(File.pathSeparator));
        Set<String> extra = new LinkedHashSet<>();
        addLoaders(extra, target.getClassLoader());
        addCodeSource(extra, target);
        extra.removeAll(known);
        return String.join(File.pathSeparator, extra);
    }

    /**
     * Checks that a child JVM can load {@code type}: JDK classes always can; others need a code
     * source that is a folder or a jar.
     *
     * @throws IllegalStateException naming the class and what to do, if it cannot reach a child
     */
    public static void requireReachable(Class<?> type) {
        String why = UNREACHABLE.get(type);
        if (!why.isEmpty()) {
            throw new IllegalStateException(why);
        }
    }

    private static String whyUnreachable(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return "";
        }
        Path location = location(type);
        if (location != null && loadable(location)) {
            return "";
        }
        return "a child JVM cannot load " + type.getName() + ": it was loaded from "
                + (location == null ? "no file (defined in memory by " + loader + ")" : location)
                + ", not from a folder of classes or a jar. Compile it (javac, Maven, Gradle) and run it from a"
                + " class path, module path or jar; the JDK's source launcher (java File.java) keeps classes in"
                + " memory, where no other process can load them";
    }

    private static boolean loadable(Path location) {
        String name = location.getFileName() == null ? "" : location.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(location) || name.endsWith(".jar") || name.endsWith(".zip");
    }

    private static void addPathProperty(Set<String> entries, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isEmpty()) {
            return;
        }
        for (String entry : value.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
    }

    /**
     * The module path's entries as class path entries: a jar or an exploded module as it is; a
     * folder of modules (what {@code --module-path mods} usually names) as the jars and exploded
     * modules in it, in name order, which is what the module system finds there.
     */
    private static void addModulePath(Set<String> entries) {
        Set<String> declared = new LinkedHashSet<>();
        addPathProperty(declared, "jdk.module.path");
        for (String entry : declared) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path) || Files.exists(path.resolve("module-info.class"))) {
                entries.add(entry);
                continue;
            }
            try (Stream<Path> inside = Files.list(path)) {
                inside.filter(p -> p.toString().endsWith(".jar") || Files.exists(p.resolve("module-info.class")))
                        .sorted()
                        .forEach(p -> entries.add(p.toString()));
            } catch (IOException unreadable) {
                entries.add(entry); // as given: the module system could not read it either
            }
        }
    }

    /** The file entries of every URL class loader from {@code loader} up to the application loader. */
    private static void addLoaders(Set<String> entries, ClassLoader loader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    Path path = toPath(url);
                    if (path != null) {
                        entries.add(path.toString());
                    }
                }
            }
        }
    }

    private static void addCodeSource(Set<String> entries, Class<?> type) {
        Path location = location(type);
        if (location != null && loadable(location)) {
            entries.add(location.toString());
        }
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? null : toPath(source.getLocation());
    }

    private static Path toPath(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
