package dev.spindle.greenlet;

import dev.spindle.internal.handoff.Turn;
import dev.spindle.internal.handoff.Unchecked;

/**
 * greenlet's {@code greenlet}: a function that runs until it switches to another greenlet by hand,
 * and goes on where it stopped when one switches back. The greenlets of one thread take turns:
 * exactly one of them runs at a time, and only an explicit switch (or a greenlet's end) passes the
 * turn on.
 *
 * <pre>{@code
 * Greenlet gr1 = new Greenlet(args -> { System.out.println("test1,first"); gr2.switchTo(); ... });
 * gr1.switchTo();
 * }</pre>
 *
 * <p>Mapping: {@code g.switch(*args)} is {@link #switchTo(Object...)} ({@code switch} is a Java
 * keyword), {@code g.throw()} is {@link #throwIn()}, {@code greenlet.getcurrent()} is
 * {@link #current()}, {@code g.dead} is {@link #isDead()}, {@code bool(g)} is {@link #isActive()}.
 * Each thread has a main greenlet, which {@code current()} returns outside any greenlet; a new
 * greenlet's parent is the greenlet current when it is made. When a greenlet's function returns,
 * its value is what the parent's pending {@code switchTo} returns; when it throws, the parent's
 * {@code switchTo} throws it (checked exceptions in an
 * {@link java.lang.reflect.UndeclaredThrowableException}); a dead parent passes this on to its own.
 * Unlike greenlet, a switch to a dead greenlet throws {@link GreenletError} instead of silently going
 * to its parent: such a switch is almost always a mistake.
 *
 * <p>Mechanism: each greenlet other than a main one runs on a virtual thread of its own, started by
 * its first switch; a switch hands the turn over ({@link Turn}) and waits for it to come back. A
 * greenlet that is never switched back to keeps its parked virtual thread (a few hundred bytes)
 * until the program ends; end it with {@link #throwIn()}.
 */
public final class Greenlet {
    /** A greenlet's function: called with the arguments of its first switch; what it returns goes to its parent. */
    @FunctionalInterface
    public interface Run {
        Object run(Object... args) throws Exception;
    }

    /** In a greenlet's virtual thread, that greenlet; in any other thread, its main greenlet once asked for. */
    private static final ThreadLocal<Greenlet> CURRENT = new ThreadLocal<>();

    private final Run run;
    /** The main greenlet of the thread this greenlet belongs to (itself for a main greenlet). */
    private final Greenlet main;
    private final Turn turn = new Turn();
    private volatile Greenlet parent;
    private volatile Thread thread;
    private volatile boolean dead;

    // What the greenlet that switched here passed: the arguments, or an exception to throw.
    private Object[] received;
    private Throwable thrown;

    /** A greenlet that will call {@code run} at its first switch; its parent is the current greenlet. */
    public Greenlet(Run run) {
        if (run == null) {
            throw new NullPointerException("run");
        }
        Greenlet current = current();
        this.run = run;
        this.main = current.main;
        this.parent = current;
    }

    /** The main greenlet of the calling thread. */
    private Greenlet() {
        this.run = null;
        this.main = this;
        this.thread = Thread.currentThread();
        turn.ownedBy(thread);
    }

    /** greenlet's {@code getcurrent()}: the greenlet running now (the thread's main greenlet outside any other). */
    public static Greenlet current() {
        Greenlet current = CURRENT.get();
        if (current == null) {
            current = new Greenlet();
            CURRENT.set(current);
        }
        return current;
    }

    /**
     * greenlet's {@code switch(*args)}: runs this greenlet (starting its function with {@code args}
     * the first time; otherwise its own pending {@code switchTo} returns {@code args}) until some
     * greenlet switches back to the caller, and returns what that one passed: {@code null} for no
     * arguments, the argument itself for one, an {@code Object[]} for several.
     *
     * @throws GreenletError when this greenlet is dead or belongs to another thread
     */
    public Object switchTo(Object... args) {
        return current().transfer(this, args, null);
    }

    /**
     * greenlet's {@code throw()}: switches to this greenlet and throws {@link GreenletExit} at its
     * pending switch (or at its start, so that its function never runs). If it lets the exception pass
     * it ends, and its parent's switch returns the {@code GreenletExit}.
     */
    public Object throwIn() {
        return throwIn(new GreenletExit());
    }

    /**
     * greenlet's {@code throw(e)}: switches to this greenlet and throws {@code e} at its pending
     * switch (or at its start). Returns what is switched back to the caller, like {@link #switchTo}.
     */
    public Object throwIn(RuntimeException e) {
        return current().transfer(this, null, e);
    }

    private Object throwIn(GreenletExit exit) {
        return current().transfer(this, null, exit);
    }

    /** Called on the current greenlet: hands the turn to {@code target} and waits until it comes back. */
    private Object transfer(Greenlet target, Object[] args, Throwable exception) {
        if (target.main != main) {
            throw new GreenletError("cannot switch to a different thread");
        }
        if (target.dead) {
            throw new GreenletError("cannot switch to a dead greenlet");
        }
        if (target == this) {
            if (exception != null) {
                throw Unchecked.of(exception);
            }
            return valueOf(args);
        }
        target.resume(args, exception);
        turn.take();
        return takeReceived();
    }

    /**
     * Gives this greenlet the turn, with what its pending switch returns or throws; the first time,
     * starts its thread, which calls its function with those arguments (or throws at once).
     */
    private void resume(Object[] args, Throwable exception) {
        received = args;
        thrown = exception;
        if (thread == null) {
            Thread started = Thread.ofVirtual().name("greenlet").unstarted(this::runFunction);
            turn.ownedBy(started);
            thread = started;
            started.start();
        } else {
            turn.give();
        }
    }

    private Object takeReceived() {
        Throwable exception = thrown;
        Object[] args = received;
        thrown = null;
        received = null;
        if (exception != null) {
            throw Unchecked.of(exception);
        }
        return valueOf(args);
    }

    private static Object valueOf(Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        return args.length == 1 ? args[0] : args;
    }

    private void runFunction() {
        CURRENT.set(this);
        Object result = null;
        Throwable failure = null;
        try {
            Throwable exception = thrown;
            thrown = null;
            if (exception != null) {
                throw exception;
            }
            Object[] args = received;
            received = null;
            result = run.run(args == null ? new Object[0] : args);
        } catch (GreenletExit exit) {
            result = exit;
        } catch (Throwable t) {
            failure = t;
        }
        dead = true;
        Greenlet next = parent;
        while (next.dead) {
            next = next.parent;
        }
        next.resume(new Object[] {result}, failure);
    }

    /** greenlet's {@code parent}: where control goes when this greenlet ends; null for a main greenlet. */
    public Greenlet parent() {
        return main == this ? null : parent;
    }

    /**
     * Sets {@link #parent()}, as greenlet's {@code g.parent = p}.
     *
     * @throws IllegalArgumentException when {@code newParent} would make a cycle ("cyclic parent chain")
     * @throws GreenletError            when {@code newParent} belongs to another thread
     */
    public void setParent(Greenlet newParent) {
        if (newParent == null) {
            throw new NullPointerException("parent");
        }
        if (newParent.main != main) {
            throw new GreenletError("parent cannot be on a different thread");
        }
        for (Greenlet g = newParent; g != null; g = g.parent()) {
            if (g == this) {
                throw new IllegalArgumentException("cyclic parent chain");
            }
        }
        parent = newParent;
    }

    /** greenlet's {@code dead}: its function has returned or thrown. A main greenlet is never dead. */
    public boolean isDead() {
        return dead;
    }

    /** greenlet's {@code bool(g)}: started and not dead. */
    public boolean isActive() {
        return thread != null && !dead;
    }

    @Override
    public String toString() {
        return main == this ? "<main greenlet>" : "<greenlet " + (dead ? "dead" : isActive() ? "active" : "not started") + ">";
    }
}
