package dev.spindle.gevent;

/** A task's body that returns nothing and may throw (what {@code Gevent.spawn(fn)} runs when {@code fn} returns None). */
@FunctionalInterface
public interface Action {
    void run() throws Exception;
}
