package gov.onceonly.hub.sandbox;

/**
 * Another way for the sandbox departments' decisions to reach a hub than this JVM's hub (its status topic, its REST
 * callback): a test's child hub, which sends its items to these departments but runs on a database and a broker of
 * its own, receives them through one ({@link SandboxDecisions#reportThrough},
 * {@link ApprovalStatusReporter#reportThrough}).
 */
@FunctionalInterface
public interface DecisionChannel {

    /** Sends one report (the JSON body of a status report) on an item, as the given department's system. */
    void report(String department, String applicationId, String item, String report);
}
