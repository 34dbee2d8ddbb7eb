package dev.spindle.multiprocessing;

/** {@link ChildProcessTest}, every test, with the WARM start method (pre-started idle JVMs). */
class ChildProcessWarmTest extends ChildProcessTest {
    @Override
    StartMethod startMethod() {
        return StartMethod.WARM;
    }
}
