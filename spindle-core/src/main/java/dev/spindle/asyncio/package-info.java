/**
 * Python's {@code asyncio} on virtual threads. An {@link dev.spindle.asyncio.EventLoop} runs its
 * tasks one at a time; a task switches only where it awaits, and an await is a plain blocking call
 * inside a task ({@code task.await()}, {@code Asyncio.sleep(d)}, {@code queue.get()},
 * {@code reader.readline()}). Start with {@link dev.spindle.asyncio.Asyncio#run}.
 */
package dev.spindle.asyncio;
