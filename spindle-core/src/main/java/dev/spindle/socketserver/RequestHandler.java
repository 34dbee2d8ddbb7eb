package dev.spindle.socketserver;

import java.io.Serializable;

/**
 * Python's {@code BaseRequestHandler.handle}: serves one connection. The server closes the
 * connection when the handler returns or throws; an exception is logged and the server goes on
 * serving others. Serializable, because the process variants run it in a child JVM: a lambda or
 * method reference whose captured values are serializable.
 */
@FunctionalInterface
public interface RequestHandler extends Serializable {
    /**
     * Serves {@code request} until the conversation is over.
     *
     * @throws Exception anything: it is logged with the client's address, and only this
     *                   connection ends
     */
    void handle(StreamRequest request) throws Exception;
}
