package dev.spindle.internal.nativeio;

import java.io.IOException;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Optional;

/**
 * glibc's {@code posix_spawnp} and {@code waitpid}, through {@code java.lang.foreign}: a program
 * started with one {@code vfork}-style clone and one {@code exec}, where the JDK's
 * {@code ProcessBuilder} execs a helper that then execs the program. The child gets the file
 * actions it is given, every descriptor from 3 up closed, an empty signal mask, and SIGPIPE and
 * SIGXFSZ back to their default actions, as Python's {@code restore_signals} does (a signal this
 * JVM handles is reset by the exec anyway; only an ignored one would stay ignored).
 */
public final class SpawnCalls {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0x40;
    private static final int O_TRUNC = 0x200;
    private static final int O_APPEND = 0x400;
    private static final int O_CLOEXEC = 0x80000;
    private static final int NEW_FILE_MODE = 0666;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int EINTR = 4;
    /** glibc's {@code posix_spawn_file_actions_t} is 80 bytes, {@code posix_spawnattr_t} 336: room to spare. */
    private static final long OPAQUE_SIZE = 1024;
    private static final long SIGSET_SIZE = 128;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final AddressLayout P = ValueLayout.ADDRESS;
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SPAWNP = handle("posix_spawnp", FunctionDescriptor.of(I, P, P, P, P, P, P));
    private static final MethodHandle ACTIONS_INIT = handle("posix_spawn_file_actions_init", FunctionDescriptor.of(I, P));
    private static final MethodHandle ACTIONS_DESTROY = handle("posix_spawn_file_actions_destroy", FunctionDescriptor.of(I, P));
    private static final MethodHandle ADD_DUP2 = handle("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(I, P, I, I));
    private static final MethodHandle ADD_OPEN = handle("posix_spawn_file_actions_addopen", FunctionDescriptor.of(I, P, I, P, I, I));
    private static final MethodHandle ADD_CHDIR = handle("posix_spawn_file_actions_addchdir_np", FunctionDescriptor.of(I, P, P));
    private static final MethodHandle ADD_CLOSEFROM = handle("posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(I, P, I));
    private static final MethodHandle ATTR_INIT = handle("posix_spawnattr_init", FunctionDescriptor.of(I, P));
    private static final MethodHandle ATTR_DESTROY = handle("posix_spawnattr_destroy", FunctionDescriptor.of(I, P));
    private static final MethodHandle ATTR_FLAGS = handle("posix_spawnattr_setflags", FunctionDescriptor.of(I, P, ValueLayout.JAVA_SHORT));
    private static final MethodHandle ATTR_SIGMASK = handle("posix_spawnattr_setsigmask", FunctionDescriptor.of(I, P, P));
    private static final MethodHandle ATTR_SIGDEFAULT = handle("posix_spawnattr_setsigdefault", FunctionDescriptor.of(I, P, P));
    private static final MethodHandle SIGEMPTYSET = handle("sigemptyset", FunctionDescriptor.of(I, P));
    private static final MethodHandle SIGADDSET = handle("sigaddset", FunctionDescriptor.of(I, P, I));
    private static final int SIGPIPE = 13;
    private static final int SIGXFSZ = 25;
    private static final MethodHandle PIPE2 = handle("pipe2", FunctionDescriptor.of(I, P, I));
    private static final MethodHandle PIDFD_OPEN = handle("pidfd_open", FunctionDescriptor.of(I, I, I));
    private static final MethodHandle WAITPID = handle("waitpid", FunctionDescriptor.of(I, I, P, I),
            Linker.Option.captureCallState("errno"));
    /** glibc's {@code environ}: this process's environment, as the child gets it when none is given. */
    private static final MemorySegment ENVIRON = environ();

    private SpawnCalls() {}

    @SuppressWarnings("restricted") // the module is granted native access (README)
    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor, options);
    }

    @SuppressWarnings("restricted") // environ is a pointer-sized global
    private static MemorySegment environ() {
        return LINKER.defaultLookup().find("environ").orElseThrow().reinterpret(ValueLayout.ADDRESS.byteSize());
    }

    /** What the child's descriptor {@code target} (0, 1 or 2) becomes. */
    public sealed interface Stream {
        /** The descriptor {@code source} of this process, duplicated. */
        record Duplicate(int source) implements Stream {}

        /** A file opened for reading, or for writing (truncated, or appended to). */
        record OpenFile(String path, boolean write, boolean append) implements Stream {}
    }

    /**
     * Starts {@code program} (looked up on {@code PATH} unless it holds a slash) with the argument
     * list {@code args}, whose first is the name the program sees as its own.
     *
     * @param streams     what descriptors 0, 1 and 2 become; an empty entry: inherited
     * @param directory   where it runs, or null: here
     * @param environment "NAME=value" strings, or null: this process's environment
     * @return the child's pid
     * @throws IOException naming the program and the error (errno 2: there is no such program)
     */
    public static int spawn(String program, List<String> args, List<Optional<Stream>> streams, String directory, List<String> environment)
            throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(OPAQUE_SIZE, 16);
            MemorySegment attributes = arena.allocate(OPAQUE_SIZE, 16);
            check((int) ACTIONS_INIT.invokeExact(actions), "posix_spawn_file_actions_init");
            check((int) ATTR_INIT.invokeExact(attributes), "posix_spawnattr_init");
            try {
                for (int target = 0; target < streams.size(); target++) {
                    if (streams.get(target).isPresent()) {
                        addStream(arena, actions, target, streams.get(target).get());
                    }
                }
                if (directory != null) {
                    check((int) ADD_CHDIR.invokeExact(actions, arena.allocateFrom(directory)), "addchdir");
                }
                check((int) ADD_CLOSEFROM.invokeExact(actions, 3), "addclosefrom");
                MemorySegment none = arena.allocate(SIGSET_SIZE, 8);
                MemorySegment restored = arena.allocate(SIGSET_SIZE, 8);
                check((int) SIGEMPTYSET.invokeExact(none), "sigemptyset");
                check((int) SIGEMPTYSET.invokeExact(restored), "sigemptyset");
                check((int) SIGADDSET.invokeExact(restored, SIGPIPE), "sigaddset");
                check((int) SIGADDSET.invokeExact(restored, SIGXFSZ), "sigaddset");
                check((int) ATTR_SIGMASK.invokeExact(attributes, none), "setsigmask");
                check((int) ATTR_SIGDEFAULT.invokeExact(attributes, restored), "setsigdefault");
                check((int) ATTR_FLAGS.invokeExact(attributes, (short) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)), "setflags");
                MemorySegment pid = arena.allocate(I);
                MemorySegment env = environment == null ? ENVIRON.get(P, 0) : strings(arena, environment);
                int error = (int) SPAWNP.invokeExact(pid, arena.allocateFrom(program), actions, attributes,
                        strings(arena, args), env);
                if (error != 0) {
                    throw new SpawnException(args.getFirst(), error, ErrorText.describe(error));
                }
                return pid.get(I, 0);
            } finally {
                int ignored = (int) ACTIONS_DESTROY.invokeExact(actions);
                ignored = (int) ATTR_DESTROY.invokeExact(attributes);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("posix_spawn failed to link", t);
        }
    }

    private static void addStream(Arena arena, MemorySegment actions, int target, Stream stream) throws Throwable {
        switch (stream) {
            case Stream.Duplicate(int source) -> check((int) ADD_DUP2.invokeExact(actions, source, target), "adddup2");
            case Stream.OpenFile(String path, boolean write, boolean append) -> {
                int flags = !write ? O_RDONLY : O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
                check((int) ADD_OPEN.invokeExact(actions, target, arena.allocateFrom(path), flags, NEW_FILE_MODE), "addopen");
            }
        }
    }

    /** A NULL-terminated {@code char *[]}. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(P, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(P, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(P, values.size(), MemorySegment.NULL);
        return array;
    }

    private static void check(int error, String call) {
        if (error != 0) {
            throw new IllegalStateException(call + " failed: " + ErrorText.describe(error));
        }
    }

    /**
     * A pipe, both ends close-on-exec (a child gets an end only through a file action).
     *
     * @return {read end, write end}
     */
    public static int[] pipe() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(I, 2);
            if ((int) PIPE2.invokeExact(fds, O_CLOEXEC) != 0) {
                throw new IOException("pipe2 failed");
            }
            return new int[] {fds.getAtIndex(I, 0), fds.getAtIndex(I, 1)};
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("pipe2 failed to link", t);
        }
    }

    /**
     * A descriptor that becomes readable when the child {@code pid} ends (Linux 5.3+), for
     * {@link SocketCalls#pollReadable}; close-on-exec.
     */
    public static int pidDescriptor(int pid) throws IOException {
        try {
            int fd = (int) PIDFD_OPEN.invokeExact(pid, 0);
            if (fd < 0) {
                throw new IOException("pidfd_open(" + pid + ") failed");
            }
            return fd;
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("pidfd_open failed to link", t);
        }
    }

    /**
     * Waits until the child {@code pid} ends and reaps it. Blocks its thread in the kernel: for a
     * platform thread of its own.
     *
     * @return its wait status, as {@code waitpid} gives it
     */
    public static int waitFor(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(I);
            MemorySegment state = arena.allocate(CALL_STATE);
            while (true) {
                int result = (int) WAITPID.invokeExact(state, pid, status, 0);
                if (result == pid) {
                    return status.get(I, 0);
                }
                if ((int) ERRNO.get(state, 0L) != EINTR) {
                    throw new IllegalStateException("waitpid(" + pid + ") failed: " + ErrorText.describe((int) ERRNO.get(state, 0L)));
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("waitpid failed to link", t);
        }
    }

    /** A program that could not be started; {@link #errno()} says why (2: no such file). */
    public static final class SpawnException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        SpawnException(String program, int errno, String description) {
            super("Cannot run program \"" + program + "\": " + description);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }
}
