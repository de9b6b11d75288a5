package gov.onceonly.hub;

import gov.onceonly.hub.evidence.VerifyEvidenceCommand;
import gov.onceonly.hub.evidence.VerifyReceiptCommand;
import gov.onceonly.hub.lint.LintCommand;
import gov.onceonly.hub.scaffold.NewCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Set;

/**
 * {@code java -jar hub.jar COMMAND [OPTIONS]}: the commands that run before (and without) Spring, parsed by picocli.
 * Each has {@code --help}; a wrong option is picocli's usage error, exit code 2. {@code java -jar hub.jar} with no
 * command (or with Spring's own arguments, {@code --server.port=…}) starts the hub as ever: {@link HubApplication#main}
 * hands only these words to picocli.
 */
@Command(name = "java -jar hub.jar", usageHelpAutoWidth = true,
        description = "Without a command, java -jar hub.jar starts the hub. The commands run without it:",
        subcommands = {LintCommand.class, NewCommand.class, VerifyEvidenceCommand.class, VerifyReceiptCommand.class,
                CommandLine.HelpCommand.class})
public final class HubCommand {

    /** The first words that name a command; any other first argument is the hub's (Spring's). */
    static final Set<String> COMMANDS = Set.of("lint", "new", "verify-evidence", "verify-receipt", "help");

    private HubCommand() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command the arguments name (output on stdout, usage errors on stderr); its exit code. */
    static int execute(String[] args) {
        return new CommandLine(new HubCommand()).execute(args);
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new HubCommand()).setOut(out).setErr(err).execute(args);
    }
}
