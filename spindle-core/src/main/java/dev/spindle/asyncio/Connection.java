package dev.spindle.asyncio;

/** What {@link Asyncio#openConnection} returns: Python's {@code (reader, writer)} pair. */
public record Connection(StreamReader reader, StreamWriter writer) {}
