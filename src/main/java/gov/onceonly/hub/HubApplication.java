package gov.onceonly.hub;

import gov.onceonly.hub.evidence.VerifyEvidenceCommand;
import gov.onceonly.hub.evidence.VerifyReceiptCommand;
import gov.onceonly.hub.lint.LintCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The once-only data-sharing hub: apply once, the hub pulls, maps and pushes to every department. */
@SpringBootApplication
public class HubApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "lint".equals(args[0])) {
            // Before Spring: linting needs no database, broker or port, so a newcomer can run it anywhere.
            System.exit(LintCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        if (args.length > 0 && "verify-evidence".equals(args[0])) {
            // Before Spring too: an auditor checks the ledger with nothing but the database's address.
            System.exit(VerifyEvidenceCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        if (args.length > 0 && "verify-receipt".equals(args[0])) {
            // A receipt needs even less: the file and the checkpoint key.
            System.exit(VerifyReceiptCommand.run(java.util.Arrays.asList(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
