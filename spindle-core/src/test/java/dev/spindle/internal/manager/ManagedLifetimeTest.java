package dev.spindle.internal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.managers.Manager;
import dev.spindle.testing.Deadlines;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A managed object lives while a proxy to it does, and goes when the last is dropped: no leak from nested proxies. */
class ManagedLifetimeTest {
    private static final byte[] KEY = "lifetime".getBytes(StandardCharsets.UTF_8);

    @Test
    void objectsGoWhenTheirLastProxyIsDroppedAndNestedOnesToo() throws IOException, InterruptedException {
        try (ManagerService service = ManagerService.start(new InetSocketAddress("127.0.0.1", 0), KEY, Map.of())) {
            makeAndDrop(Manager.connect(service.address(), KEY));
            Deadlines.await("every managed object is released", Deadlines.PROMPT, () -> {
                System.gc();
                return service.objects().size() == 0;
            });
        }
    }

    private static void makeAndDrop(Manager manager) {
        Map<String, List<Integer>> d = manager.dict();
        d.put("nested", new java.util.ArrayList<>(List.of(1)));
        List<Integer> nested = d.get("nested");
        nested.add(2);
        assertThat(d.get("nested")).containsExactly(1, 2);
        assertThat(manager.list()).isEmpty();
    }
}
