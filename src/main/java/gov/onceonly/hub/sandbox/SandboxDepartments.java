package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.pipeline.KafkaTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
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
    private final SandboxHttpServer http;
    private final SandboxDatabases databases;
    private final EnrolmentSystem enrolment;
    private final ApprovalStatusReporter statusReporter;
    private final CatalogueDepartments catalogue; // issue 3: the departments of the other 49 bundles

    SandboxDepartments(ConfigurableEnvironment env, DataSource hubDataSource, ObjectMapper json) throws Exception {
        SandboxRecords records = SandboxRecords.generate(); // catalogue (issue 3): residents and enterprises
        people = SyntheticPeople.generate(env.getProperty("hub.sandbox.families", Integer.class, 200))
                .withOtherResidents(records::populationRecord);
        statusReporter = new ApprovalStatusReporter(() -> "http://127.0.0.1:" + env.getProperty("local.server.port", "8080"),
                json, env.getProperty("hub.sandbox.report-status", Boolean.class, false));
        inbox.onFirstReceipt(statusReporter::received);
        http = SandboxHttpServer.start(env.getProperty("hub.sandbox.port", Integer.class, 18090), people, inbox, lookups, faults, json);
        String hubUrl = env.getRequiredProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username", "postgres");
        databases = new SandboxDatabases(SandboxDatabases.serverOf(hubUrl), user,
                env.getProperty("spring.datasource.password", ""));
        try (Connection c = hubDataSource.getConnection()) {
            databases.prepare(c, people);
        }
        String kafka = env.getRequiredProperty("hub.kafka.bootstrap-servers");
        KafkaTopics.ensure(kafka, List.of(InsuredPersonsPublisher.TOPIC, EnrolmentSystem.TOPIC));
        InsuredPersonsPublisher.publishAll(kafka, people, json);
        enrolment = new EnrolmentSystem(kafka, env.getProperty("hub.kafka.group-prefix", "hub"), inbox);
        // --- catalogue departments (issue 3)
        catalogue = CatalogueDepartments.start(records, new CatalogueDepartments.Servers(http, hubDataSource, databases.serverUrl(),
                user, env.getProperty("spring.datasource.password", ""), kafka, env.getProperty("hub.kafka.group-prefix", "hub")),
                inbox, lookups, json);
        // --- end catalogue departments
        java.nio.file.Path drops = SandboxDrops.write(
                java.nio.file.Path.of(env.getProperty("hub.embedded.data-dir", "data"), "sandbox-drops"), records);
        env.getPropertySources().addFirst(new MapPropertySource("hub-sandbox", Map.of(
                "hub.sandbox.drop-dir", drops.toString(),
                "hub.sandbox.url", http.baseUrl(),
                "hub.sandbox.postgres-url", databases.serverUrl(),
                "hub.sandbox.postgres-user", user)));
        log.info("Sandbox departments up: REST at {}, databases dept_hospital and dept_exchange, {} synthetic families",
                http.baseUrl(), people.families().size());
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
