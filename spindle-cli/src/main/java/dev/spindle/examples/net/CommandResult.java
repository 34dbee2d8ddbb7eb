package dev.spindle.examples.net;

/**
 * What a command run over SSH gave back: paramiko's {@code stdout.read()}, {@code stderr.read()} and
 * {@code stdout.channel.recv_exit_status()}.
 *
 * @param command    the command line that was run
 * @param stdout     everything it wrote to stdout (UTF-8)
 * @param stderr     everything it wrote to stderr (UTF-8)
 * @param exitStatus its exit status
 */
public record CommandResult(String command, String stdout, String stderr, int exitStatus) {}
