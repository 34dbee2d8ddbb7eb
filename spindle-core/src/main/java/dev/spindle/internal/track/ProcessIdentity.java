package dev.spindle.internal.track;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process as the kernel knows it: pid plus start time (clock ticks since boot, field 22 of
 * {@code /proc/PID/stat}). The pair survives pid reuse, so a record of an owner that has died is
 * never mistaken for a new process that got the same pid.
 *
 * @param pid        the process id
 * @param startTicks the start time in clock ticks since boot
 */
public record ProcessIdentity(long pid, long startTicks) implements Serializable {

    private static final ProcessIdentity SELF = of(ProcessHandle.current().pid());

    /** This process. */
    public static ProcessIdentity self() {
        return SELF;
    }

    /** The identity of the live process {@code pid}; its start ticks are -1 if it has gone. */
    public static ProcessIdentity of(long pid) {
        String[] stat = stat(pid);
        return new ProcessIdentity(pid, stat == null ? -1 : Long.parseLong(stat[19]));
    }

    /** True while this very process exists and is not a zombie. */
    public boolean isAlive() {
        if (pid == SELF.pid) {
            return startTicks == SELF.startTicks;
        }
        String[] stat = stat(pid);
        if (stat == null) {
            return false;
        }
        char state = stat[0].charAt(0);
        return state != 'Z' && state != 'X' && Long.parseLong(stat[19]) == startTicks;
    }

    /** Bits of a {@link #word()} that hold the pid (Linux pids are below 2^22). */
    public static final long WORD_PID_MASK = 0x3FFF_FFFFL;

    /**
     * This identity in one 64-bit word, for owner fields in shared memory that must be claimed
     * by a single CAS: the pid in bits 0–29, the low 32 bits of the start ticks in bits 32–63.
     * Bits 30 and 31 stay clear for the structure's own flags. Never 0.
     */
    public long word() {
        return (startTicks << 32) | (pid & WORD_PID_MASK);
    }

    /**
     * True while the process recorded in {@code word} (flag bits ignored) exists: its pid is
     * live and started at the recorded ticks, so a reused pid is not taken for the owner.
     */
    public static boolean isAlive(long word) {
        long pid = word & WORD_PID_MASK;
        int startLow = (int) (word >>> 32);
        if (pid == SELF.pid) {
            return startLow == (int) SELF.startTicks;
        }
        String[] stat = stat(pid);
        if (stat == null) {
            return false;
        }
        char state = stat[0].charAt(0);
        return state != 'Z' && state != 'X' && (int) Long.parseLong(stat[19]) == startLow;
    }

    /**
     * {@code PREFIX-PID-STARTTICKS-}: how a resource's name records this process as its owner,
     * so that a sweep can tell when the owner is gone ({@link #ownerGone}).
     */
    public String ownedName(String prefix) {
        return prefix + pid + "-" + startTicks + "-";
    }

    /**
     * True if {@code name}, made by {@link #ownedName} with {@code prefix}, records an owner that
     * no longer exists. Names that were not made so are never called gone.
     */
    public static boolean ownerGone(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return false;
        }
        String[] parts = name.substring(prefix.length()).split("-");
        try {
            return parts.length >= 3 && !new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1])).isAlive();
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }

    /** The fields of /proc/PID/stat after the command name, or null when there is no such process. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may hold spaces: split after its last ')'.
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
