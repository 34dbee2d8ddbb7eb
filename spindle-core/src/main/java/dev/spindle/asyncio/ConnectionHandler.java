package dev.spindle.asyncio;

/** The {@code client_connected_cb} of {@link Asyncio#startServer}: runs as a task per connection. */
@FunctionalInterface
public interface ConnectionHandler {
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}
