package dev.spindle.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InheritedOptionsTest {
    @Test
    void sizesAndUserPropertiesAreInheritedButNotAgentsDebuggersOrJmx() {
        List<String> chosen = InheritedOptions.select(List.of("-Xmx256m", "-Xms32m", "-Xss2m", "-Dapp.mode=test",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/x.jar",
                "-Dcom.sun.management.jmxremote.port=9010", "-Djava.rmi.server.hostname=h", "-XX:+UseG1GC",
                "-Djava.class.path=/x", "-Dspindle.speed=1", "--enable-native-access=ALL-UNNAMED"));
        assertThat(chosen).containsExactly("-Xmx256m", "-Xms32m", "-Xss2m", "-Dapp.mode=test");
    }
}
