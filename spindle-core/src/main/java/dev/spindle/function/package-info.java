/**
 * Serializable functional interfaces: lambdas and method references of these types can be sent
 * to a child process. Unlike {@link java.lang.Runnable} they may throw checked exceptions, as
 * Python code may raise anything.
 */
package dev.spindle.function;
