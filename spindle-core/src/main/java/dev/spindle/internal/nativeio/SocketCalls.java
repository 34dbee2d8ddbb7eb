package dev.spindle.internal.nativeio;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The libc socket calls that a JVM does not offer: a TCP listener and connections held by their
 * file descriptors, and descriptors passed between processes over a Unix socket
 * ({@code SCM_RIGHTS}), so that a child JVM can serve a connection its parent accepted. Each call
 * captures {@code errno}; a failure is an {@link IOException} naming the call and the error.
 * Constants and structures are those of Linux on x86-64 and AArch64 (they agree).
 */
public final class SocketCalls {
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SCM_RIGHTS = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int EFD_CLOEXEC = 0x80000;
    private static final int SHUT_WR = 1;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;
    /** Readable (or a peer that hung up: a read then returns 0). */
    public static final short POLLIN = 1;
    private static final int SOCKADDR_UN_PATH = 108;
    private static final int SOCKADDR_MAX = 128;
    /** {@code struct msghdr}: name, namelen, iov, iovlen, control, controllen, flags. */
    private static final long MSG_IOV = 16;
    private static final long MSG_IOVLEN = 24;
    private static final long MSG_CONTROL = 32;
    private static final long MSG_CONTROLLEN = 40;
    private static final long MSGHDR_SIZE = 56;
    /** {@code CMSG_SPACE(sizeof(int))} and {@code CMSG_LEN(sizeof(int))}. */
    private static final long CMSG_SPACE_INT = 24;
    private static final long CMSG_LEN_INT = 20;
    private static final long CMSG_DATA = 16;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
    private static final java.lang.foreign.AddressLayout P = ValueLayout.ADDRESS;
    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(I, I, I, I));
    private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(I, I, P, I));
    private static final MethodHandle LISTEN = handle("listen", FunctionDescriptor.of(I, I, I));
    private static final MethodHandle ACCEPT4 = handle("accept4", FunctionDescriptor.of(I, I, P, P, I));
    private static final MethodHandle CONNECT = handle("connect", FunctionDescriptor.of(I, I, P, I));
    private static final MethodHandle SETSOCKOPT = handle("setsockopt", FunctionDescriptor.of(I, I, I, I, P, I));
    private static final MethodHandle GETSOCKNAME = handle("getsockname", FunctionDescriptor.of(I, I, P, P));
    private static final MethodHandle GETPEERNAME = handle("getpeername", FunctionDescriptor.of(I, I, P, P));
    private static final MethodHandle READ = handle("read", FunctionDescriptor.of(L, I, P, L));
    private static final MethodHandle SEND = handle("send", FunctionDescriptor.of(L, I, P, L, I));
    private static final MethodHandle SENDMSG = handle("sendmsg", FunctionDescriptor.of(L, I, P, I));
    private static final MethodHandle RECVMSG = handle("recvmsg", FunctionDescriptor.of(L, I, P, I));
    private static final MethodHandle POLL = handle("poll", FunctionDescriptor.of(I, P, L, I));
    private static final MethodHandle SHUTDOWN = handle("shutdown", FunctionDescriptor.of(I, I, I));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(I, I));
    private static final MethodHandle EVENTFD = handle("eventfd", FunctionDescriptor.of(I, I, I));
    private static final MethodHandle WRITE = handle("write", FunctionDescriptor.of(L, I, P, L));

    private SocketCalls() {}

    @SuppressWarnings("restricted") // the module is granted native access (README)
    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor,
                Linker.Option.captureCallState("errno"));
    }

    private static int errno() {
        return (int) ERRNO.get(STATE.get(), 0L);
    }

    private static IOException failure(String call) {
        int errno = errno();
        return new IOException(call + " failed: " + ErrorText.describe(errno));
    }

    /** Runs one call, again while a signal interrupts it; its result, or the failure naming it. */
    private static long call(String name, NativeCall call) throws IOException {
        while (true) {
            long result;
            try {
                result = call.invoke(STATE.get());
            } catch (Throwable t) {
                throw new IllegalStateException(name + " failed to link", t);
            }
            if (result >= 0) {
                return result;
            }
            if (errno() != EINTR) {
                throw failure(name);
            }
        }
    }

    @FunctionalInterface
    private interface NativeCall {
        long invoke(MemorySegment state) throws Throwable;
    }

    /**
     * A TCP socket bound to {@code address} (port 0: one the OS picks) and listening, with
     * {@code SO_REUSEADDR} as Python's {@code socketserver} sets it.
     *
     * @return its descriptor, close-on-exec
     */
    public static int listenTcp(InetSocketAddress address, int backlog) throws IOException {
        InetAddress host = address.getAddress();
        return newSocket(host instanceof Inet6Address ? AF_INET6 : AF_INET, (arena, fd) -> {
            MemorySegment one = arena.allocateFrom(I, 1);
            call("setsockopt", s -> (int) SETSOCKOPT.invokeExact(s, fd, SOL_SOCKET, SO_REUSEADDR, one, 4));
            MemorySegment name = socketAddress(arena, host, address.getPort());
            call("bind " + address, s -> (int) BIND.invokeExact(s, fd, name, (int) name.byteSize()));
            call("listen", s -> (int) LISTEN.invokeExact(s, fd, backlog));
        });
    }

    /** Sets up a new socket's descriptor; on a failure the socket is closed. */
    @FunctionalInterface
    private interface SocketSetup {
        void setUp(Arena arena, int fd) throws IOException;
    }

    /** A new stream socket of {@code family} (close-on-exec), set up by {@code setup}. */
    private static int newSocket(int family, SocketSetup setup) throws IOException {
        int fd = (int) call("socket", s -> (int) SOCKET.invokeExact(s, family, SOCK_STREAM | SOCK_CLOEXEC, 0));
        try (Arena arena = Arena.ofConfined()) {
            setup.setUp(arena, fd);
            return fd;
        } catch (IOException | RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /** Accepts one connection on the listening {@code fd}: its descriptor, close-on-exec. */
    public static int accept(int fd) throws IOException {
        return (int) call("accept4", s -> (int) ACCEPT4.invokeExact(s, fd, MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC));
    }

    /** The address a socket is bound to. */
    public static InetSocketAddress localAddress(int fd) throws IOException {
        return address(fd, GETSOCKNAME, "getsockname");
    }

    /** The address of a connected socket's peer. */
    public static InetSocketAddress peerAddress(int fd) throws IOException {
        return address(fd, GETPEERNAME, "getpeername");
    }

    private static InetSocketAddress address(int fd, MethodHandle getter, String call) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(SOCKADDR_MAX, 8);
            MemorySegment length = arena.allocateFrom(I, SOCKADDR_MAX);
            call(call, s -> (int) getter.invokeExact(s, fd, name, length));
            int port = Short.toUnsignedInt(Short.reverseBytes(name.get(ValueLayout.JAVA_SHORT, 2)));
            byte[] host = name.get(ValueLayout.JAVA_SHORT, 0) == AF_INET6
                    ? name.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE)
                    : name.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE);
            return new InetSocketAddress(InetAddress.getByAddress(host), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code struct sockaddr_in} or {@code sockaddr_in6}: port in network order. */
    private static MemorySegment socketAddress(Arena arena, InetAddress host, int port) {
        byte[] bytes = host.getAddress();
        boolean v6 = host instanceof Inet6Address;
        MemorySegment name = arena.allocate(v6 ? 28 : 16, 4);
        name.set(ValueLayout.JAVA_SHORT, 0, (short) (v6 ? AF_INET6 : AF_INET));
        name.set(ValueLayout.JAVA_SHORT, 2, Short.reverseBytes((short) port));
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, name, v6 ? 8 : 4, bytes.length);
        if (v6) {
            name.set(ValueLayout.JAVA_INT, 24, ((Inet6Address) host).getScopeId());
        }
        return name;
    }

    /** A Unix stream socket listening at {@code path} (which must not exist yet). */
    public static int listenUnix(Path path, int backlog) throws IOException {
        return newSocket(AF_UNIX, (arena, fd) -> {
            MemorySegment name = unixAddress(arena, path);
            call("bind " + path, s -> (int) BIND.invokeExact(s, fd, name, (int) name.byteSize()));
            call("listen", s -> (int) LISTEN.invokeExact(s, fd, backlog));
        });
    }

    /** A Unix stream socket connected to the listener at {@code path}. */
    public static int connectUnix(Path path) throws IOException {
        return newSocket(AF_UNIX, (arena, fd) -> {
            MemorySegment name = unixAddress(arena, path);
            call("connect " + path, s -> (int) CONNECT.invokeExact(s, fd, name, (int) name.byteSize()));
        });
    }

    private static MemorySegment unixAddress(Arena arena, Path path) {
        byte[] bytes = path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length >= SOCKADDR_UN_PATH) {
            throw new IllegalArgumentException("Unix socket path too long (" + bytes.length + " bytes): " + path);
        }
        MemorySegment name = arena.allocate(2 + SOCKADDR_UN_PATH, 2);
        name.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, name, 2, bytes.length);
        return name;
    }

    /**
     * Sends the descriptor {@code passed} over the Unix socket {@code fd}, with one byte of
     * {@code tag} as the message (a descriptor cannot travel alone). The receiver gets its own
     * copy; the sender's stays open until it closes it.
     */
    public static void sendDescriptor(int fd, byte tag, int passed) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, tag);
            MemorySegment control = arena.allocate(CMSG_SPACE_INT, 8);
            control.set(L, 0, CMSG_LEN_INT);
            control.set(I, 8, SOL_SOCKET);
            control.set(I, 12, SCM_RIGHTS);
            control.set(I, CMSG_DATA, passed);
            MemorySegment message = message(arena, data, control);
            call("sendmsg", s -> (long) SENDMSG.invokeExact(s, fd, message, MSG_NOSIGNAL));
        }
    }

    /**
     * Receives one byte from the Unix socket {@code fd} and the descriptor sent with it, if any.
     *
     * @return the descriptor (close-on-exec), -1 when the byte came alone, or -2 at end of stream
     */
    public static int receiveDescriptor(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(1);
            MemorySegment control = arena.allocate(CMSG_SPACE_INT, 8);
            MemorySegment message = message(arena, data, control);
            long read = call("recvmsg", s -> (long) RECVMSG.invokeExact(s, fd, message, MSG_CMSG_CLOEXEC));
            if (read == 0) {
                return -2;
            }
            boolean carries = message.get(L, MSG_CONTROLLEN) >= CMSG_LEN_INT
                    && control.get(I, 8) == SOL_SOCKET && control.get(I, 12) == SCM_RIGHTS;
            return carries ? control.get(I, CMSG_DATA) : -1;
        }
    }

    private static MemorySegment message(Arena arena, MemorySegment data, MemorySegment control) {
        MemorySegment iov = arena.allocate(16, 8);
        iov.set(P, 0, data);
        iov.set(L, 8, data.byteSize());
        MemorySegment message = arena.allocate(MSGHDR_SIZE, 8);
        message.set(P, MSG_IOV, iov);
        message.set(L, MSG_IOVLEN, 1);
        message.set(P, MSG_CONTROL, control);
        message.set(L, MSG_CONTROLLEN, control.byteSize());
        return message;
    }

    /**
     * Reads up to {@code length} bytes into {@code buffer}.
     *
     * @return how many; 0 at end of stream
     */
    public static int read(int fd, MemorySegment buffer, long length) throws IOException {
        return (int) call("read", s -> (long) READ.invokeExact(s, fd, buffer, length));
    }

    /** Writes all {@code length} bytes of {@code buffer} to the socket {@code fd} (no SIGPIPE: a closed peer fails). */
    public static void sendAll(int fd, MemorySegment buffer, long length) throws IOException {
        long sent = 0;
        while (sent < length) {
            long from = sent;
            sent += call("send", s -> (long) SEND.invokeExact(s, fd, buffer.asSlice(from), length - from, MSG_NOSIGNAL));
        }
    }

    /**
     * Waits until one of {@code fds} is readable (or hung up), for at most {@code timeoutMillis}
     * (negative: no limit).
     *
     * @return the index of the first ready descriptor, or -1 when the time ran out
     */
    public static int pollReadable(int[] fds, int timeoutMillis) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment polled = arena.allocate(8L * fds.length, 4);
            for (int i = 0; i < fds.length; i++) {
                polled.set(I, 8L * i, fds[i]);
                polled.set(ValueLayout.JAVA_SHORT, 8L * i + 4, POLLIN);
            }
            long ready = call("poll", s -> (int) POLL.invokeExact(s, polled, (long) fds.length, timeoutMillis));
            if (ready == 0) {
                return -1;
            }
            for (int i = 0; i < fds.length; i++) {
                if (polled.get(ValueLayout.JAVA_SHORT, 8L * i + 6) != 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** An {@code eventfd} counter, close-on-exec: a descriptor another thread can make readable. */
    public static int eventFd() throws IOException {
        return (int) call("eventfd", s -> (int) EVENTFD.invokeExact(s, 0, EFD_CLOEXEC));
    }

    /** Makes the {@code eventfd} readable: wakes a thread polling it. */
    public static void signalEventFd(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(L, 1L);
            call("write", s -> (long) WRITE.invokeExact(s, fd, one, 8L));
        }
    }

    /** Reads the {@code eventfd} back to zero, so that it is not readable until signalled again. */
    public static void drainEventFd(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment counter = arena.allocate(L);
            read(fd, counter, 8);
        }
    }

    /** Sends one byte over the socket {@code fd}. */
    public static void sendByte(int fd, byte value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            sendAll(fd, arena.allocateFrom(ValueLayout.JAVA_BYTE, value), 1);
        }
    }

    /** Ends the sending half: the peer reads the end of the stream. */
    public static void shutdownOutput(int fd) throws IOException {
        call("shutdown", s -> (int) SHUTDOWN.invokeExact(s, fd, SHUT_WR));
    }

    /** Ends both halves: a thread blocked reading the socket returns (closing it would not wake it). */
    public static void shutdownBoth(int fd) {
        try {
            call("shutdown", s -> (int) SHUTDOWN.invokeExact(s, fd, SHUT_RDWR));
        } catch (IOException notConnected) {
            // nothing to end
        }
    }

    /** Closes a descriptor; an error (it was not open) is ignored, as there is nothing left to free. */
    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(STATE.get(), fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close failed to link", t);
        }
    }
}
