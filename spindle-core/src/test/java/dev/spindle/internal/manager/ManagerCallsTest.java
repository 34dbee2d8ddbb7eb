package dev.spindle.internal.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.managers.Manager;
import dev.spindle.multiprocessing.AuthenticationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client may ask of a manager: only the methods of an object's interfaces, and only with the right key. */
class ManagerCallsTest {
    private static final byte[] KEY = "calls".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMethodTheObjectsInterfacesDoNotExposeIsRefusedAndTheSessionGoesOn() throws Throwable {
        try (ManagerService service = ManagerService.start(new InetSocketAddress("127.0.0.1", 0), KEY, Map.of())) {
            ManagerConnections client = ManagerConnections.to(Addresses.format(service.address()), KEY);
            ProxyRef dict = (ProxyRef) client.call(new Calls.Create("dict", List.of()));
            for (String hidden : List.of("getClass", "notifyAll", "wait", "noSuchMethod")) {
                assertThatThrownBy(() -> client.call(new Calls.Invoke(dict.id(), hidden, List.of(), List.of())))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + hidden + "' is not a method the manager exposes");
            }
            assertThatThrownBy(() -> client.call(new Calls.Invoke(dict.id(), "size", List.of("no.such.Type"), List.of(1))))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(client.call(new Calls.Invoke(dict.id(), "size", List.of(), List.of()))).isEqualTo(0);
            client.call(new Calls.Release(dict.id(), null));
        }
    }

    @Test
    void aWrongKeyTriedFirstDoesNotStandInTheWayOfTheRightOne() throws IOException {
        try (ManagerService service = ManagerService.start(new InetSocketAddress("127.0.0.1", 0), KEY, Map.of())) {
            assertThatThrownBy(() -> Manager.connect(service.address(), "wrong".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(AuthenticationException.class);
            Map<String, Integer> d = Manager.connect(service.address(), KEY).dict();
            d.put("k", 1);
            assertThat(d).containsEntry("k", 1);
        }
    }
}
