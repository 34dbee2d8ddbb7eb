package dev.spindle.internal.manager;

import dev.spindle.internal.track.ProcessIdentity;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a manager keeps for its clients, by id, with how many references each client process
 * holds: an object stays while any process holds one, and goes when the last is released or its
 * process has died ({@link #forget}). An object that also lives inside another (a list in a managed
 * dict) stays there when its entry goes, and gets a new id when it is handed out again.
 */
final class ManagedObjects {
    private record Entry(Object object, List<String> interfaces, Map<ProcessIdentity, Integer> holders) {}

    private final Map<Long, Entry> byId = new HashMap<>();
    private final Map<Object, Long> idOf = new IdentityHashMap<>();
    private long nextId = 1;

    /** A reference to {@code object} for {@code holder}: its id, the object registered first if need be. */
    synchronized long retainNew(Object object, List<String> interfaces, ProcessIdentity holder) {
        Long id = idOf.get(object);
        if (id == null) {
            id = nextId++;
            idOf.put(object, id);
            byId.put(id, new Entry(object, List.copyOf(interfaces), new HashMap<>()));
        }
        byId.get(id).holders().merge(holder, 1, Integer::sum);
        return id;
    }

    /** Whether {@code object} is kept here under some id (so it is handed out by reference). */
    synchronized boolean isManaged(Object object) {
        return idOf.containsKey(object);
    }

    /** The interfaces {@code object}'s proxies implement, if it is kept here. */
    synchronized List<String> interfacesOf(Object object) {
        Long id = idOf.get(object);
        return id == null ? null : byId.get(id).interfaces();
    }

    /**
     * The object of {@code id}.
     *
     * @throws IllegalStateException if it is gone (every reference was released)
     */
    synchronized Object get(long id) {
        Entry entry = byId.get(id);
        if (entry == null) {
            throw new IllegalStateException("managed object " + id + " is gone: every proxy to it was released");
        }
        return entry.object();
    }

    /** The interfaces of object {@code id}. */
    synchronized List<String> interfaces(long id) {
        get(id);
        return byId.get(id).interfaces();
    }

    /** One more reference from {@code holder}. */
    synchronized void retain(long id, ProcessIdentity holder) {
        get(id);
        byId.get(id).holders().merge(holder, 1, Integer::sum);
    }

    /** One reference fewer from {@code holder}; the object goes with its last. */
    synchronized void release(long id, ProcessIdentity holder) {
        Entry entry = byId.get(id);
        if (entry == null) {
            return;
        }
        entry.holders().computeIfPresent(holder, (h, n) -> n > 1 ? n - 1 : null);
        dropIfUnheld(id, entry);
    }

    /** Drops every reference {@code holder} held: its process has died. */
    synchronized void forget(ProcessIdentity holder) {
        for (Map.Entry<Long, Entry> e : List.copyOf(byId.entrySet())) {
            if (e.getValue().holders().remove(holder) != null) {
                dropIfUnheld(e.getKey(), e.getValue());
            }
        }
    }

    /** The processes holding references, for the sweep of the dead. */
    synchronized List<ProcessIdentity> holders() {
        return byId.values().stream().flatMap(e -> e.holders().keySet().stream()).distinct().toList();
    }

    /** How many objects are kept: for tests of release. */
    synchronized int size() {
        return byId.size();
    }

    private void dropIfUnheld(long id, Entry entry) {
        if (entry.holders().isEmpty()) {
            byId.remove(id);
            idOf.remove(entry.object());
        }
    }
}
