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
    private final SandboxEvents events;
    private final CatalogueDepartments.Servers servers; // shared with the stand-ins started after these

    /**
     * What the departments know of the hub they serve, from its configuration (SandboxConfiguration reads it).
     *
     * @param url the hub's own address, known once its server runs
     * @param statusClientSecret the secret of the registered client the approval system reports as
     *        ({@code hub.clients.sandbox-weijian.secret})
     * @param identityAudience {@code hub.identity.audience}, which the identity provider's tokens name
     * @param kafkaGroupPrefix {@code hub.kafka.group-prefix}
     * @param evidenceOrigin {@code hub.evidence.origin}, the ledger the witness cosigns
     * @param dataDir {@code hub.embedded.data-dir}, beside which the drops and the witness's state are kept
     * @param databaseUrl {@code spring.datasource.url}: the departments' databases are made on the hub's server
     * @param databaseUser {@code spring.datasource.username}
     * @param databasePassword {@code spring.datasource.password}
     * @param embeddedAdmin {@code hub.embedded.postgres.admin-user}: the embedded server's superuser, null if external
     */
    record Hub(java.util.function.Supplier<String> url, String statusClientSecret, String identityAudience,
               String kafkaGroupPrefix, String evidenceOrigin, java.nio.file.Path dataDir, String databaseUrl,
               String databaseUser, String databasePassword, String embeddedAdmin) {
    }

    /**
     * Starts every department, in order. If one fails to start, the ones already started (threads, servers,
     * consumers) are closed before the failure is rethrown: Spring never calls {@link #close} on a bean whose
     * constructor failed, and what was left running would hold its port and threads for the JVM's life. The addresses
     * the connector files point at are published in {@code env}.
     */
    SandboxDepartments(SandboxProperties sandbox, Hub hub, ConfigurableEnvironment env, DataSource hubDataSource,
                       ObjectMapper json, DepartmentCallSigner hubSigner, EvidenceSigner evidenceSigner) throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            // Residents and enterprises of the catalogue's other 49 bundles; the newborn families take them as neighbours.
            SandboxRecords records = SandboxRecords.generate();
            people = SyntheticPeople.generate(sandbox.families())
                    .withOtherResidents(records::populationRecord);
            statusReporter = new ApprovalStatusReporter(hub.url(), json, sandbox.reportStatus(),
                    hub.statusClientSecret() == null ? "" : hub.statusClientSecret());
            started.push(statusReporter::close);
            inbox.onFirstReceipt(statusReporter::received);
            lookups.expectHub(hubSigner.keyId(), hubSigner.publicKey());
            http = SandboxHttpServer.start(sandbox.port(), people, inbox, lookups, faults, json);
            ReceivedRecords.serve(http, inbox, json);
            started.push(http::close);
            identityProvider = new SandboxIdentityProvider(sandbox.identityProvider().signingKey(), hub.identityAudience());
            identityProvider.serve(http, json);
            String hubUrl = hub.databaseUrl();
            if (hubUrl == null) {
                throw new IllegalStateException("spring.datasource.url is not set: the sandbox's departments keep their "
                        + "databases on the hub's server");
            }
            // The departments' databases are created on the hub's server by its administrator: the embedded default's
            // superuser (hub.embedded.postgres.admin-user), not the hub's runtime role, which may create nothing.
            String embeddedAdmin = hub.embeddedAdmin();
            String user = embeddedAdmin != null ? embeddedAdmin : hub.databaseUser() != null ? hub.databaseUser() : "postgres";
            String password = embeddedAdmin != null ? "" : hub.databasePassword() != null ? hub.databasePassword() : "";
            DataSource admin = embeddedAdmin != null ? new DriverManagerDataSource(hubUrl, user, password) : hubDataSource;
            databases = new SandboxDatabases(SandboxDatabases.serverOf(hubUrl), user, password);
            try (Connection c = admin.getConnection()) {
                databases.prepare(c, people);
            }
            String kafka = sandbox.kafkaBootstrapServers();
            KafkaTopics.ensure(kafka, List.of(InsuredPersonsPublisher.TOPIC, EnrolmentSystem.TOPIC));
            InsuredPersonsPublisher.publishAll(kafka, people, json);
            enrolment = new EnrolmentSystem(kafka, hub.kafkaGroupPrefix(), inbox);
            started.push(enrolment::close);
            // The departments of the other 49 bundles share the same HTTP server, database server and broker.
            servers = new CatalogueDepartments.Servers(http, admin, databases.serverUrl(), user, password, kafka,
                    hub.kafkaGroupPrefix());
            catalogue = CatalogueDepartments.start(records, servers, inbox, lookups, json);
            // The event streams proactive proposals read, published on demand, and the portal's proposals.
            events = SandboxEvents.start(http, kafka, hub.kafkaGroupPrefix(), people, json);
            started.push(events::close);
            // The nightly CSV drop of the route-kind connector (connectors/cqsw-water-accounts.yaml).
            java.nio.file.Path drops = SandboxDrops.write(hub.dataDir().resolve("sandbox-drops"), records);
            Map<String, Object> announced = new java.util.HashMap<>(Map.of(
                    "hub.sandbox.drop-dir", drops.toString(),
                    "hub.sandbox.url", http.baseUrl(),
                    "hub.sandbox.postgres-url", databases.serverUrl(),
                    "hub.sandbox.postgres-user", user));
            announced.putAll(SandboxWitness.serve(http, sandbox.witness().signingKey(), hub.evidenceOrigin(),
                    hub.dataDir(), evidenceSigner.publicKey()));
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

    /** The departments' HTTP server, as published in {@code hub.sandbox.url}. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** The departments' HTTP server, for the systems started after these (the stand-ins). */
    SandboxHttpServer http() {
        return http;
    }

    /** Where the departments run (HTTP server, database server and its administrator, broker), for the stand-ins. */
    CatalogueDepartments.Servers servers() {
        return servers;
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

    /** The streams proactive proposals read, and what the sandbox portal received. */
    public SandboxEvents events() {
        return events;
    }

    public CatalogueDepartments catalogue() {
        return catalogue;
    }

    @Override
    public void close() throws Exception {
        statusReporter.close();
        catalogue.close();
        events.close();
        enrolment.close();
        http.close();
    }
}
