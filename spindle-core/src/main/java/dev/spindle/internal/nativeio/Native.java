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
 * {@code prctl(PR_SET_PDEATHSIG)}, {@code mknodat} for a FIFO, and {@code posix_fallocate} to reserve a
 * segment's memory. All arguments are passed as 64-bit values because glibc's
 * variadic {@code syscall()} reads every argument with {@code va_arg(ap, long)}.
 */
public final class Native {
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int PR_SET_PDEATHSIG = 1;
    private static final long SYS_FUTEX;
    private static final long SYS_PRCTL;
    private static final long SYS_MKNODAT;
    private static final long SYS_OPENAT;
    private static final long SYS_CLOSE;
    private static final long SYS_KILL;
    private static final long O_RDWR = 2;
    private static final long O_CLOEXEC = 0x80000;
    /** The error number of a full file system. */
    public static final int ENOSPC = 28;
    private static final int EINTR = 4;
    private static final long AT_FDCWD = -100;
    private static final long S_IFIFO = 0x1000;
    private static final long OWNER_READ_WRITE = 0x180;

    static {
        String arch = System.getProperty("os.arch");
        switch (arch) {
            case "amd64", "x86_64" -> { SYS_FUTEX = 202; SYS_PRCTL = 157; SYS_MKNODAT = 259; SYS_OPENAT = 257; SYS_CLOSE = 3; SYS_KILL = 62; }
            case "aarch64", "arm64" -> { SYS_FUTEX = 98; SYS_PRCTL = 167; SYS_MKNODAT = 33; SYS_OPENAT = 56; SYS_CLOSE = 57; SYS_KILL = 129; }
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

    /** glibc's {@code posix_fallocate}, which returns its error number rather than setting errno. */
    @SuppressWarnings("restricted")
    private static final MethodHandle POSIX_FALLOCATE = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("posix_fallocate").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));

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

    /** Sends {@code signal} to the process {@code pid}; false if it is gone (or not ours to signal). */
    public static boolean signal(long pid, int signal) {
        return syscall(SYS_KILL, pid, signal, 0, 0, 0, 0) == 0;
    }

    /** Asks the kernel to send {@code signal} to this process when its parent thread dies. */
    public static void parentDeathSignal(int signal) {
        syscall(SYS_PRCTL, PR_SET_PDEATHSIG, signal, 0, 0, 0, 0);
    }

    /**
     * Reserves the first {@code size} bytes of the file at {@code path}, so that touching them
     * later cannot fail (on tmpfs a sparse page that finds the file system full is a SIGBUS).
     * Returns 0, or the error number: {@link #ENOSPC} when there is no room.
     */
    public static int reserve(Path path, long size) {
        long fd;
        try (Arena arena = Arena.ofConfined()) {
            fd = syscall(SYS_OPENAT, AT_FDCWD, arena.allocateFrom(path.toString()).address(), O_RDWR | O_CLOEXEC, 0, 0, 0);
        }
        if (fd < 0) {
            return -1;
        }
        try {
            int error;
            do {
                error = (int) POSIX_FALLOCATE.invokeExact((int) fd, 0L, size);
            } while (error == EINTR);
            return error;
        } catch (Throwable t) {
            throw new IllegalStateException("posix_fallocate failed to link", t);
        } finally {
            syscall(SYS_CLOSE, fd, 0, 0, 0, 0, 0);
        }
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
