package dev.spindle.socketserver;

import java.io.IOException;

/** A listener and the way its connections are served, of one kind of connection. */
record ServingEngine<C>(Listener<C> listener, Dispatch<C> dispatch) {
    /**
     * Accepts the next connection and has it served.
     *
     * @return false when the wait was woken instead
     */
    boolean serveNext() throws IOException, InterruptedException {
        C connection = listener.accept();
        if (connection == null) {
            return false;
        }
        dispatch.dispatch(connection);
        return true;
    }
}
