package dev.spindle.examples.asyncio;

import dev.spindle.examples.Example;

/**
 * The {@code @asyncio.coroutine} / {@code yield from asyncio.sleep(2)} version (removed from Python
 * in 3.11; Java has one spelling for both): two hellos before either goodbye, then 'game over!'.
 */
public final class AsyncioLegacyCoroutine extends Example {
    public AsyncioLegacyCoroutine() {
        super("asyncio-legacy-coroutine", "two generator-based hello()s: both hellos before either goodbye, then game over");
    }

    @Override
    public void run(String... args) throws Exception {
        HelloWorldCoroutine.runTwo();
        System.out.println("game over!");
    }
}
