package dev.spindle.examples;

/**
 * One seed program, ported: runnable as {@code bin/spindle demo ID}. It prints what the seed
 * prints (children print on the same terminal), so a test can assert the seed's point.
 */
public abstract class Example {
    private final String id;
    private final String summary;
    private final String gloss;

    /**
     * @param id      the program's id in the inventory (seed-programs.md), such as {@code mp-downloads}
     * @param summary one line on what the program shows
     */
    protected Example(String id, String summary) {
        this(id, summary, null);
    }

    /**
     * @param gloss one line of English on what the seed's Chinese output says, or null if it has none
     */
    protected Example(String id, String summary, String gloss) {
        this.id = id;
        this.summary = summary;
        this.gloss = gloss;
    }

    /** One line of English on what the seed's Chinese output says; empty if it prints none. */
    public final java.util.Optional<String> gloss() {
        return java.util.Optional.ofNullable(gloss);
    }

    public final String id() {
        return id;
    }

    public final String summary() {
        return summary;
    }

    /** Runs the program in this JVM; child processes it leaves running are joined by the caller. */
    public abstract void run(String... args) throws Exception;
}
