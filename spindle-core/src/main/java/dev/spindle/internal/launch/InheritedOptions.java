package dev.spindle.internal.launch;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The options a child JVM inherits from this one, as users expect: the heap and stack sizes
 * ({@code -Xmx}, {@code -Xms}, {@code -Xss}) and the {@code -D} system properties given on this
 * JVM's command line, then the output encodings and every {@code spindle.*} property as they are
 * now. Not agents, debuggers, JMX or anything else: a child that opened the parent's debug or JMX
 * port would fail or collide. A process's own {@code jvmOptions(...)} come after these, so they
 * win.
 */
final class InheritedOptions {
    private static final List<String> SIZES = List.of("-Xmx", "-Xms", "-Xss");
    /** Properties that belong to one JVM only: class and module paths, JMX, RMI, debugging, the launcher. */
    private static final List<String> NOT_INHERITED = List.of("-Djava.class.path", "-Djdk.module.", "-Dcom.sun.management.",
            "-Djava.rmi.", "-Djdk.internal.", "-Dsun.", "-Djava.security.manager", "-Djdk.attach.", "-Dspindle.");

    private static volatile List<String> fromCommandLine;

    private InheritedOptions() {}

    /** The options to give a child now. */
    static List<String> get() {
        List<String> options = new ArrayList<>(commandLine());
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("spindle.") || key.equals("stdout.encoding") || key.equals("stderr.encoding")) {
                options.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        return options;
    }

    private static List<String> commandLine() {
        List<String> known = fromCommandLine;
        if (known == null) {
            known = fromCommandLine = select(ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        return known;
    }

    /** The inheritable ones of {@code arguments}, in order. */
    static List<String> select(List<String> arguments) {
        List<String> chosen = new ArrayList<>();
        for (String argument : arguments) {
            if (SIZES.stream().anyMatch(argument::startsWith)
                    || (argument.startsWith("-D") && NOT_INHERITED.stream().noneMatch(argument::startsWith))) {
                chosen.add(argument);
            }
        }
        return List.copyOf(chosen);
    }
}
