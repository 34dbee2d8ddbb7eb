package dev.spindle.examples.other;

import dev.spindle.examples.Example;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** An iterator class Fib: Python's __iter__/__next__ are Iterable/Iterator, StopIteration is NoSuchElementException. */
public final class FibIterator extends Example {
    public FibIterator() {
        super("fib-iterator", "an iterator class Fib: list(Fib(10)) is the first 10 Fibonacci numbers");
    }

    /** 迭代器. */
    static final class Fib implements Iterator<Long>, Iterable<Long> {
        private final int num;
        private long a = 0;
        private long b = 1;
        private int idx = 0;

        Fib(int num) {
            this.num = num;
        }

        @Override
        public Iterator<Long> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            return idx < num;
        }

        @Override
        public Long next() {
            if (!hasNext()) {
                throw new NoSuchElementException("StopIteration");
            }
            long next = b;
            b = a + b;
            a = next;
            idx++;
            return a;
        }
    }

    @Override
    public void run(String... args) throws Exception {
        Fib fib = new Fib(10);
        List<Long> all = new ArrayList<>();
        fib.forEach(all::add);
        System.out.println(all);
        try {
            fib.next();
        } catch (NoSuchElementException e) {
            System.out.println("next() after the end: " + e.getMessage());
        }
    }
}
