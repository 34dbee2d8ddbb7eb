package example.outside;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/** An application's class, outside Spindle's packages, whose readObject has an effect: what a class policy keeps from running. */
public final class Sneaky implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Set by readObject. */
    public static volatile boolean ran;
    private final int value;

    public Sneaky(int value) {
        this.value = value;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        ran = true;
        in.defaultReadObject();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sneaky s && s.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }
}
