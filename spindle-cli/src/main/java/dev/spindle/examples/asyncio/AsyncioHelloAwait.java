package dev.spindle.examples.asyncio;

import dev.spindle.examples.Example;

/**
 * The {@code async def hello()} version: two hellos, then (2 s later) two goodbyes, all on the
 * loop's thread. The seed passes bare coroutines to {@code asyncio.wait}, a TypeError since 3.11:
 * here they are tasks first.
 */
public final class AsyncioHelloAwait extends Example {
    public AsyncioHelloAwait() {
        super("asyncio-hello-await", "two async hello()s: both hellos before either goodbye, all on the loop's thread");
    }

    @Override
    public void run(String... args) throws Exception {
        HelloWorldCoroutine.runTwo();
    }
}
