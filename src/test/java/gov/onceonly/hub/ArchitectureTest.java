package gov.onceonly.hub;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import gov.onceonly.hub.sandbox.SandboxConfiguration;
import gov.onceonly.hub.subject.Masking;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

@AnalyzeClasses(packages = "gov.onceonly.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The sandbox (simulated departments) plugs into the core; the core never reaches back into it. */
    @ArchTest
    static final ArchRule CORE_NEVER_DEPENDS_ON_SANDBOX = noClasses()
            .that().resideOutsideOfPackage("gov.onceonly.hub.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("gov.onceonly.hub.sandbox..");

    /**
     * The production build (mvn package -Dproduction) leaves out the sandbox, the embedded infrastructure and their
     * libraries (the PostgreSQL binaries, the Kafka broker); the rest must compile and run without them.
     */
    @ArchTest
    static final ArchRule CORE_NEVER_DEPENDS_ON_EMBEDDED_INFRASTRUCTURE = noClasses()
            .that().resideOutsideOfPackages("gov.onceonly.hub.sandbox..", "gov.onceonly.hub.embedded..")
            .should().dependOnClassesThat().resideInAnyPackage("gov.onceonly.hub.embedded..", "io.zonky..", "kafka..",
                    "org.apache.kafka.server..", "org.apache.kafka.metadata..", "org.apache.kafka.raft..");

    /**
     * All wiring lives in config (or in the sandbox profile). Meta-annotations count, so a stereotype that
     * carries @Configuration is caught too; the one @SpringBootApplication is covered by the next rule.
     */
    @ArchTest
    static final ArchRule CONFIGURATION_ONLY_IN_CONFIG_OR_SANDBOX = classes()
            .that().areMetaAnnotatedWith(Configuration.class)
            .and().areNotAnnotatedWith(SpringBootApplication.class)
            .should().resideInAnyPackage("gov.onceonly.hub.config", "gov.onceonly.hub.sandbox");

    /** The application class stays in the root package, so its component scan covers every feature package. */
    @ArchTest
    static final ArchRule SPRING_BOOT_APPLICATION_ONLY_IN_ROOT = classes()
            .that().areAnnotatedWith(SpringBootApplication.class)
            .should().resideInAPackage("gov.onceonly.hub")
            .andShould().haveSimpleName("HubApplication");

    /**
     * Threads come from config: the hub's one scheduler (SchedulingConfiguration), the pipeline's workers, a thread
     * factory handed to a consumer. A feature that made its own would hide from the thread count and the shutdown
     * order. The sandbox is exempt: it plays the departments' own systems, which have threads of their own.
     */
    @ArchTest
    static final ArchRule THREADS_ARE_MADE_IN_CONFIG = noClasses()
            .that().resideOutsideOfPackages("gov.onceonly.hub.config", "gov.onceonly.hub.sandbox..")
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(ExecutorService.class))))
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class)
            .because("threads and executors are made in config, where the hub's scheduler and workers are");

    private static final DescribedPredicate<JavaMethodCall> READS_A_PROPERTY_BY_NAME = DescribedPredicate.describe(
            "getProperty or getRequiredProperty of Spring's Environment (any PropertyResolver)",
            call -> call.getTarget().getOwner().isAssignableTo(PropertyResolver.class)
                    && Set.of("getProperty", "getRequiredProperty").contains(call.getTarget().getName()));

    /**
     * The configuration is typed: each feature reads its {@code hub.*} keys through its own
     * {@code @ConfigurationProperties} record, bound and validated at startup (config/PropertiesConfiguration), given to
     * its classes by config's @Bean methods. Only config reads a property by name (Spring's and Camel's own keys, the
     * few bound again later). Resolving a connector file's {@code ${...}} is not reading a property of the hub.
     */
    @ArchTest
    static final ArchRule PROPERTIES_READ_BY_NAME_ONLY_IN_CONFIG = noClasses()
            .that().resideOutsideOfPackage("gov.onceonly.hub.config..")
            .should().callMethodWhere(READS_A_PROPERTY_BY_NAME);

    /**
     * No log call masks by hand: logback-spring.xml masks every ID number and credit code in every line, whoever logs
     * it (logging/MaskingConverters, logging/MaskingJsonMembersCustomizer). A method that both logs and calls
     * {@code Masking} is the old habit, one call site at a time, that the day it forgets leaks a number; and its
     * masked value passed around (to a message, a response) hides that it is only masked for the log. Masking that is
     * about an answer or a stored value (dryrun/ItemDiff, progress/StatusReportConsumer#masked) logs nothing.
     */
    @ArchTest
    static final ArchRule NO_MASKING_BY_HAND_WHERE_THE_LOG_IS_WRITTEN = codeUnits()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("gov.onceonly.hub.logging..")
            .should(new ArchCondition<JavaCodeUnit>("not call Masking where it logs") {
                @Override
                public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                    boolean logs = codeUnit.getMethodCallsFromSelf().stream()
                            .anyMatch(call -> call.getTargetOwner().isAssignableTo(Logger.class));
                    codeUnit.getMethodCallsFromSelf().stream()
                            .filter(call -> logs && call.getTargetOwner().isEquivalentTo(Masking.class))
                            .forEach(call -> events.add(SimpleConditionEvent.violated(call,
                                    call.getDescription() + ", and logs: masks by hand where the log is written")));
                }
            })
            .because("the logging layer masks every line, so a log call passes the value as it is (docs/operations.md, "
                    + "\"Logs\"); masking at the call site is the habit that forgets one");

    /**
     * Every line goes through SLF4J and Logback, where the masking layer is: standard out and error, a stack trace
     * printed by hand or java.util.logging reach the console past it, with whatever ID number they carry. (The
     * commands print their output through picocli's writer, which is no log.)
     */
    @ArchTest
    static final ArchRule NO_LOGGING_PAST_THE_MASKING_LAYER = noClasses()
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(target(name("printStackTrace")).and(target(owner(assignableTo(Throwable.class)))))
            .orShould().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("a line that does not go through Logback is not masked (logback-spring.xml): log with SLF4J");

    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_FEATURE_PACKAGES = slices()
            .matching("gov.onceonly.hub.(*)..")
            .should().beFreeOfCycles();

    @Test
    void rulesFindAllTheirSubjects() {
        JavaClasses main = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("gov.onceonly.hub");
        assertThat(main.stream().filter(c -> c.isMetaAnnotatedWith(Configuration.class)).map(c -> c.getSimpleName()))
                .containsExactlyInAnyOrder("HubApplication", "HubConfiguration", "PipelineConfiguration", "ProgressConfiguration",
                        "OperationsConfiguration", "SecurityConfiguration", "ToolingConfiguration", "EvidenceConfiguration",
                        "NoticeConfiguration", "KafkaClientConfiguration", "WitnessConfiguration", "SchedulingConfiguration",
                        "PropertiesConfiguration", "TracingConfiguration", "SandboxConfiguration",
                        "RatingConfiguration", "ProposalConfiguration", "LifelongServiceConfiguration",
                        "SupervisionConfiguration");
        assertThat(main.stream().filter(c -> c.getPackageName().startsWith("gov.onceonly.hub.sandbox"))).isNotEmpty();
    }

    @Test
    void rulesFailOnAViolation() {
        JavaClasses strays = new ClassFileImporter().importClasses(StrayConfiguration.class, CoreUsingSandbox.class,
                HandMadeThread.class, HandMadeExecutor.class, CoreReadingAProperty.class, HandMaskedLog.class,
                PrintingPastTheLog.class);
        assertThat(CONFIGURATION_ONLY_IN_CONFIG_OR_SANDBOX.evaluate(strays).hasViolation()).isTrue();
        assertThat(CORE_NEVER_DEPENDS_ON_SANDBOX.evaluate(strays).hasViolation()).isTrue();
        assertThat(THREADS_ARE_MADE_IN_CONFIG.evaluate(new ClassFileImporter().importClasses(HandMadeThread.class))
                .hasViolation()).isTrue();
        assertThat(THREADS_ARE_MADE_IN_CONFIG.evaluate(new ClassFileImporter().importClasses(HandMadeExecutor.class))
                .hasViolation()).isTrue();
        assertThat(PROPERTIES_READ_BY_NAME_ONLY_IN_CONFIG.evaluate(strays).getFailureReport().getDetails())
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("CoreReadingAProperty"));
        assertThat(NO_MASKING_BY_HAND_WHERE_THE_LOG_IS_WRITTEN.evaluate(strays).getFailureReport().getDetails())
                .singleElement().asString().contains("HandMaskedLog.accepted", "Masking.mask");
        assertThat(NO_LOGGING_PAST_THE_MASKING_LAYER.evaluate(strays).getFailureReport().getDetails())
                .hasSize(3).allSatisfy(line -> assertThat(line).contains("PrintingPastTheLog"));
    }

    /** Fixtures for {@link #rulesFailOnAViolation}: they live in the root package, outside config and sandbox. */
    @Configuration
    static class StrayConfiguration {
    }

    static class CoreUsingSandbox {
        SandboxConfiguration sandbox;
    }

    static class HandMadeThread {
        void start() {
            new Thread(() -> { }, "hand-made").start();
        }
    }

    static class HandMadeExecutor {
        ExecutorService start() {
            return Executors.newSingleThreadExecutor();
        }
    }

    static class CoreReadingAProperty {
        int batchSize(Environment env) {
            return env.getProperty("hub.outbox.batch-size", Integer.class, 200);
        }

        String brokers(PropertyResolver properties) {
            return properties.getRequiredProperty("hub.kafka.bootstrap-servers");
        }
    }

    static class HandMaskedLog {
        private static final Logger log = LoggerFactory.getLogger(HandMaskedLog.class);

        void accepted(String idNumber) {
            log.info("Accepted from {}", Masking.mask(idNumber));
        }

        /** Masking for an answer, not a log: allowed. */
        String shown(String idNumber) {
            return Masking.mask(idNumber);
        }
    }

    static class PrintingPastTheLog {
        void failed(String idNumber, Exception e) {
            System.out.println("failed for " + idNumber);
            System.err.println("failed for " + idNumber);
            e.printStackTrace();
        }
    }
}
