package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.pipeline.KafkaTopics;
import gov.onceonly.hub.security.DepartmentCallSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Every simulated department, started together: the REST systems, the department databases, the insured-persons
 * stream and the enrolment system. It publishes {@code hub.sandbox.url}, {@code hub.sandbox.postgres-url} and
 * {@code hub.sandbox.postgres-user}, which the default connector files point at.
 */
public final class SandboxDepartments implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxDepartments.class);

    private final SyntheticPeople people;
    private final ApprovalInbox inbox = new ApprovalInbox();
    private final LookupLog lookups = new LookupLog();
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxClock clock = new SandboxClock();
    private final SandboxHttpServer http;
    private final SandboxIdentityProvider identityProvider;
    private final SandboxDatabases databases;
    private final EnrolmentSystem enrolment;
    private final ApprovalStatusReporter statusReporter;
    private final CatalogueDepartments catalogue; // the departments of the other 49 bundles

    /**
     * Starts every department, in order. If one fails to start, the ones already started (threads, servers,
     * consumers) are closed before the failure is rethrown: Spring never calls {@link #close} on a bean whose
     * constructor failed, and what was left running would hold its port and threads for the JVM's life.
     */
    SandboxDepartments(ConfigurableEnvironment env, DataSource hubDataSource, ObjectMapper json,
                       DepartmentCallSigner hubSigner, EvidenceSigner evidenceSigner) throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            // Residents and enterprises of the catalogue's other 49 bundles; the newborn families take them as neighbours.
            SandboxRecords records = SandboxRecords.generate();
            people = SyntheticPeople.generate(env.getProperty("hub.sandbox.families", Integer.class, 200))
                    .withOtherResidents(records::populationRecord);
            statusReporter = new ApprovalStatusReporter(() -> "http://127.0.0.1:" + env.getProperty("local.server.port", "8080"),
                    json, env.getProperty("hub.sandbox.report-status", Boolean.class, false),
                    env.getProperty("hub.clients." + ApprovalStatusReporter.CLIENT + ".secret", ""));
            started.push(statusReporter::close);
            inbox.onFirstReceipt(statusReporter::received);
            lookups.expectHub(hubSigner.keyId(), hubSigner.publicKey());
            http = SandboxHttpServer.start(env.getProperty("hub.sandbox.port", Integer.class, 18090), people, inbox, lookups, faults, json);
            started.push(http::close);
            identityProvider = new SandboxIdentityProvider(env.getRequiredProperty("hub.sandbox.identity-provider.signing-key"),
                    env.getProperty("hub.identity.audience", "onceonly-hub"));
            identityProvider.serve(http, json);
            String hubUrl = env.getRequiredProperty("spring.datasource.url");
            // The departments' databases are created on the hub's server by its administrator: the embedded default's
            // superuser (hub.embedded.postgres.admin-user), not the hub's runtime role, which may create nothing.
            String embeddedAdmin = env.getProperty("hub.embedded.postgres.admin-user");
            String user = embeddedAdmin != null ? embeddedAdmin : env.getProperty("spring.datasource.username", "postgres");
            String password = embeddedAdmin != null ? "" : env.getProperty("spring.datasource.password", "");
            DataSource admin = embeddedAdmin != null ? new DriverManagerDataSource(hubUrl, user, password) : hubDataSource;
            databases = new SandboxDatabases(SandboxDatabases.serverOf(hubUrl), user, password);
            try (Connection c = admin.getConnection()) {
                databases.prepare(c, people);
            }
            String kafka = env.getRequiredProperty("hub.sandbox.kafka-bootstrap-servers");
            KafkaTopics.ensure(kafka, List.of(InsuredPersonsPublisher.TOPIC, EnrolmentSystem.TOPIC));
            InsuredPersonsPublisher.publishAll(kafka, people, json);
            enrolment = new EnrolmentSystem(kafka, env.getProperty("hub.kafka.group-prefix", "hub"), inbox);
            started.push(enrolment::close);
            // The departments of the other 49 bundles share the same HTTP server, database server and broker.
            catalogue = CatalogueDepartments.start(records, new CatalogueDepartments.Servers(http, admin,
                    databases.serverUrl(), user, password, kafka,
                    env.getProperty("hub.kafka.group-prefix", "hub")), inbox, lookups, json);
            // The nightly CSV drop of the route-kind connector (connectors/cqsw-water-accounts.yaml).
            java.nio.file.Path drops = SandboxDrops.write(
                    java.nio.file.Path.of(env.getProperty("hub.embedded.data-dir", "data"), "sandbox-drops"), records);
            Map<String, Object> announced = new java.util.HashMap<>(Map.of(
                    "hub.sandbox.drop-dir", drops.toString(),
                    "hub.sandbox.url", http.baseUrl(),
                    "hub.sandbox.postgres-url", databases.serverUrl(),
                    "hub.sandbox.postgres-user", user));
            announced.putAll(SandboxWitness.serve(http, env, evidenceSigner.publicKey()));
            env.getPropertySources().addFirst(new MapPropertySource("hub-sandbox", announced));
        } catch (Exception | Error e) {
            closeAll(started, e);
            throw e;
        }
        log.info("Sandbox departments up: REST at {}, databases dept_hospital and dept_exchange, {} synthetic families",
                http.baseUrl(), people.families().size());
    }

    /** Closes what was started, last first; a failure to close is kept with the failure that caused it. */
    private static void closeAll(Deque<AutoCloseable> started, Throwable cause) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception closing) {
                cause.addSuppressed(closing);
            }
        }
    }

    /** The sandbox's identity provider: tokens for the synthetic people. */
    public SandboxIdentityProvider identityProvider() {
        return identityProvider;
    }

    public SyntheticPeople people() {
        return people;
    }

    public ApprovalInbox inbox() {
        return inbox;
    }

    public SandboxFaults faults() {
        return faults;
    }

    /** The departments' calendar, which a test may move on. */
    public SandboxClock clock() {
        return clock;
    }

    public ApprovalStatusReporter statusReporter() {
        return statusReporter;
    }

    public LookupLog lookups() {
        return lookups;
    }

    public SandboxDatabases databases() {
        return databases;
    }

    public CatalogueDepartments catalogue() {
        return catalogue;
    }

    @Override
    public void close() throws Exception {
        statusReporter.close();
        catalogue.close();
        enrolment.close();
        http.close();
    }
}
