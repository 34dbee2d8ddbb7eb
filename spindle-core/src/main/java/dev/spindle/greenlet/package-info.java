/**
 * greenlet's API: {@link dev.spindle.greenlet.Greenlet}s switched by hand, exactly one of a thread's
 * greenlets running at a time, each on a virtual thread of its own.
 */
package dev.spindle.greenlet;
