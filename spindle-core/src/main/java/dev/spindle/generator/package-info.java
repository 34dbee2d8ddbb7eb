/**
 * Python's generators as coroutines: {@link dev.spindle.generator.Generator} with {@code next},
 * {@code send}, {@code throwIn}, {@code close}, states and {@code yieldFrom}, its body on a virtual
 * thread that takes turns with its caller.
 */
package dev.spindle.generator;
