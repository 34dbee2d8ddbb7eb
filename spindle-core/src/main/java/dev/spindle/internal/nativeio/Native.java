package dev.spindle.internal.nativeio;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The few Linux system calls Spindle needs, called through {@code java.lang.foreign}:
 * {@code futex} (non-private, so it works on a word shared between processes),
 * {@code prctl(PR_SET_PDEATHSIG)} and {@code mknodat} for a FIFO. All arguments are passed as 64-bit values because glibc's
 * variadic {@code syscall()} reads every argument with {@code va_arg(ap, long)}.
 */
public final class Native {
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int PR_SET_PDEATHSIG = 1;
    private static final long SYS_FUTEX;
    private static final long SYS_PRCTL;
    private static final long SYS_MKNODAT;
    private static final long AT_FDCWD = -100;
    private static final long S_IFIFO = 0x1000;
    private static final long OWNER_READ_WRITE = 0x180;

    static {
        String arch = System.getProperty("os.arch");
        switch (arch) {
            case "amd64", "x86_64" -> { SYS_FUTEX = 202; SYS_PRCTL = 157; SYS_MKNODAT = 259; }
            case "aarch64", "arm64" -> { SYS_FUTEX = 98; SYS_PRCTL = 167; SYS_MKNODAT = 33; }
            default -> throw new ExceptionInInitializerError("unsupported architecture for futex: " + arch);
        }
    }

    @SuppressWarnings("restricted") // the one downcall; the module is granted native access (README)
    private static final MethodHandle SYSCALL6 = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
            Linker.Option.firstVariadicArg(1));

    /** Per-thread {@code struct timespec}, freed with its thread. */
    private static final ThreadLocal<MemorySegment> TIMESPEC =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(16, 8));

    private Native() {}

    private static long syscall(long nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) SYSCALL6.invokeExact(nr, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw new IllegalStateException("syscall " + nr + " failed to link", t);
        }
    }

    /**
     * Blocks while the 32-bit word at {@code address} still holds {@code expected}, for at most
     * {@code timeoutNanos}. Returns early on a wake, a signal, or when the word differs: callers
     * always re-check their condition.
     */
    static void futexWait(long address, int expected, long timeoutNanos) {
        MemorySegment ts = TIMESPEC.get();
        ts.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
        ts.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
        syscall(SYS_FUTEX, address, FUTEX_WAIT, expected & 0xFFFF_FFFFL, ts.address(), 0, 0);
    }

    /** Wakes up to {@code count} processes or threads waiting on the word at {@code address}. */
    static void futexWake(long address, int count) {
        syscall(SYS_FUTEX, address, FUTEX_WAKE, count, 0, 0, 0);
    }

    /** Asks the kernel to send {@code signal} to this process when its parent thread dies. */
    public static void parentDeathSignal(int signal) {
        syscall(SYS_PRCTL, PR_SET_PDEATHSIG, signal, 0, 0, 0, 0);
    }

    /** Creates a FIFO (a named pipe) at {@code path}, readable and writable by its owner only. */
    public static void mkfifo(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(path.toString());
            if (syscall(SYS_MKNODAT, AT_FDCWD, name.address(), S_IFIFO | OWNER_READ_WRITE, 0, 0, 0) != 0) {
                throw new IOException("cannot create the FIFO " + path);
            }
        }
    }
}
