package dev.spindle.socketserver;

/** Handlers the tests serve with; static, so that children can run them too. */
final class Handlers {
    private Handlers() {}

    /** The seeds' upper-case echo, line by line until the client closes; "fail" throws. */
    static void upperEcho(StreamRequest request) throws Exception {
        for (String line; (line = request.readLine()) != null; ) {
            if (line.equals("fail")) {
                throw new IllegalStateException("the handler fails on purpose");
            }
            request.writeLine(line.toUpperCase());
        }
    }

    /** Says which process serves, then echoes upper-case. */
    static void pidThenEcho(StreamRequest request) throws Exception {
        request.writeLine(String.valueOf(ProcessHandle.current().pid()));
        upperEcho(request);
    }
}
