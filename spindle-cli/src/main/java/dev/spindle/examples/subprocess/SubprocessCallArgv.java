package dev.spindle.examples.subprocess;

import dev.spindle.examples.Example;
import dev.spindle.subprocess.ProgramNotFoundException;
import dev.spindle.subprocess.Subprocess;
import java.util.List;

/**
 * Each command-line argument run as a program with {@code subprocess.call}, one after another:
 * each runs to its end with this program's stdin, stdout and stderr; a missing one is reported
 * and the loop goes on. An argument is a program's name, not a command line: there is no shell.
 */
public final class SubprocessCallArgv extends Example {
    public SubprocessCallArgv() {
        super("subprocess-call-argv", "each argument run as a program in turn, output inherited; a missing one is reported, the rest run",
                "不能执行X命令 = cannot run the command X; 请使用命令行参数指定要执行的进程 = name the programs to run as arguments");
    }

    @Override
    public void run(String... args) throws Exception {
        if (args.length > 0) {
            for (String program : args) {
                try {
                    Subprocess.call(List.of(program));
                } catch (ProgramNotFoundException e) {
                    System.out.println("不能执行" + program + "命令");
                }
            }
        } else {
            System.out.println("请使用命令行参数指定要执行的进程");
        }
    }
}
