package dev.spindle.internal.manager;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;

/**
 * A list a manager keeps: the object behind {@code manager.list()}, and any list stored inside a
 * managed list or map, which the manager adopts so that it is handed out by reference. Every call on
 * it is made holding its monitor ({@link Session}).
 */
final class ManagedList extends ArrayList<Object> {
    @Serial
    private static final long serialVersionUID = 1L;

    ManagedList() {
    }

    ManagedList(Collection<?> items) {
        super(items);
    }
}
