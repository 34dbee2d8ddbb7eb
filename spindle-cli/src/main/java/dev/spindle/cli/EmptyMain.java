package dev.spindle.cli;

/** The bench's JVM floor: a main that does nothing, started the way a child JVM is. */
public final class EmptyMain {
    private EmptyMain() {}

    public static void main(String[] args) {
        // nothing: the figure is the JVM's own start and exit
    }
}
