package gov.onceonly.hub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import gov.onceonly.hub.sandbox.SandboxConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
                        "NoticeConfiguration", "KafkaClientConfiguration", "WitnessConfiguration", "TracingConfiguration",
                        "SandboxConfiguration");
        assertThat(main.stream().filter(c -> c.getPackageName().startsWith("gov.onceonly.hub.sandbox"))).isNotEmpty();
    }

    @Test
    void rulesFailOnAViolation() {
        JavaClasses strays = new ClassFileImporter().importClasses(StrayConfiguration.class, CoreUsingSandbox.class);
        assertThat(CONFIGURATION_ONLY_IN_CONFIG_OR_SANDBOX.evaluate(strays).hasViolation()).isTrue();
        assertThat(CORE_NEVER_DEPENDS_ON_SANDBOX.evaluate(strays).hasViolation()).isTrue();
    }

    /** Fixtures for {@link #rulesFailOnAViolation}: they live in the root package, outside config and sandbox. */
    @Configuration
    static class StrayConfiguration {
    }

    static class CoreUsingSandbox {
        SandboxConfiguration sandbox;
    }
}
