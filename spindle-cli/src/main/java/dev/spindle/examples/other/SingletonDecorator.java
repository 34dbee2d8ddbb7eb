package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@code @singleton} decorator: President() is President(), the constructor runs once, __wrapped__ makes new ones. */
public final class SingletonDecorator extends Example {
    public SingletonDecorator() {
        super("singleton-decorator", "a singleton decorator: one instance, one constructor run; wrapped() makes new ones");
    }

    /** The decorated class. */
    static final class President {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        President() {
            CONSTRUCTED.incrementAndGet();
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Singleton<President> president = Singleton.of(President::new);
        President p1 = president.get();
        President p2 = president.get();
        System.out.println("President() is President(): " + (p1 == p2));
        System.out.println("constructor ran " + President.CONSTRUCTED.get() + " time(s)");
        System.out.println("President.__wrapped__() is President(): " + (president.wrapped().get() == p1));
    }
}
