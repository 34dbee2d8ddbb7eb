/**
 * Python's {@code socketserver}: a {@link dev.spindle.socketserver.TcpServer} that serves each
 * connection with a {@link dev.spindle.socketserver.RequestHandler} one at a time, on a thread per
 * connection, in a child JVM per connection ({@code ForkingMixIn}), or by a fixed pool of child
 * JVMs. In the process variants the child serves the connection itself: the parent accepts it and
 * passes the socket's descriptor to the child ({@code SCM_RIGHTS}), so no byte goes through the
 * parent.
 */
package dev.spindle.socketserver;
