package gov.onceonly.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The once-only data-sharing hub: apply once, the hub pulls, maps and pushes to every department. */
@SpringBootApplication
public class HubApplication {

    public static void main(String[] args) {
        if (HubCommand.isCommand(args)) {
            // Before Spring: lint needs no database, broker or port, so a newcomer can run it anywhere; an auditor
            // checks the ledger with nothing but the database's address, and a receipt with the file and the key.
            System.exit(HubCommand.execute(args));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
