package gov.onceonly.hub.scaffold;

import picocli.CommandLine.Command;

/** {@code java -jar hub.jar new connector|bundle ...}: a first file that lint accepts, to edit from there. */
@Command(name = "new", usageHelpAutoWidth = true, mixinStandardHelpOptions = false,
        description = "Writes a new connector (with its stand-in's fixtures) or a new bundle that lint accepts; never "
                + "overwrites a file.",
        subcommands = {NewConnectorCommand.class, NewBundleCommand.class})
public final class NewCommand {
}
