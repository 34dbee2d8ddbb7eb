package dev.spindle.examples.queue;

import dev.spindle.Context;
import dev.spindle.examples.Example;
import dev.spindle.queue.Queue;

/** queue.PriorityQueue hands back the smallest first: the seed's (priority, name) tuples as records. */
public final class QueuePriority extends Example {
    /** Python's {@code (20, 'a')}: ordered by priority, then name, as tuples compare. */
    record Entry(int priority, String name) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byPriority = Integer.compare(priority, other.priority);
            return byPriority != 0 ? byPriority : name.compareTo(other.name);
        }

        @Override
        public String toString() {
            return "(" + priority + ", '" + name + "')";
        }
    }

    public QueuePriority() {
        super("queue-priority", "a priority queue hands back the smallest first: (10, 'b'), (20, 'a'), (30, 'c')");
    }

    @Override
    public void run(String... args) throws Exception {
        Queue<Entry> q = Context.threads().priorityQueue(3);
        q.put(new Entry(20, "a"));
        q.put(new Entry(10, "b"));
        q.put(new Entry(30, "c"));
        System.out.println(q.get());
        System.out.println(q.get());
        System.out.println(q.get());
    }
}
