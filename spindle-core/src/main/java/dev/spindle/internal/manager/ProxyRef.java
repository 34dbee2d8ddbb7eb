package dev.spindle.internal.manager;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A managed object by reference: where its manager listens and with which key, its id there, and
 * the interfaces its proxies implement. What a manager answers in place of an object it keeps, and
 * the form in which a proxy travels (the key travels with it, so a proxy received from a process
 * with another default key still connects).
 *
 * @param address    the manager's address ({@link Addresses})
 * @param authkey    the manager's key
 * @param id         the object's id in the manager
 * @param interfaces the names of the interfaces its proxies implement
 */
@SuppressWarnings("serial") // a List.copyOf of strings
public record ProxyRef(String address, byte[] authkey, long id, List<String> interfaces) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
