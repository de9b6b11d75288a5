package gov.onceonly.hub.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Testcontainers is on the classpath only with Maven profile {@code containers} of {@code pom.xml}, which adds
 * {@code ContainerInfrastructure} and its registration (docs/deployment.md, "Testcontainers").
 */
class ContainersProfileTest {

    @Test
    void testcontainersComeOnlyWithTheContainersProfile() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("count(/project/dependencies/dependency[groupId='org.testcontainers'])", pom))
                .as("the default build needs no Testcontainers").isEqualTo("0");
        String profile = "/project/profiles/profile[id='containers']";
        assertThat(xpath.evaluate("count(" + profile + "/dependencies/dependency[groupId='org.testcontainers'"
                + " and (artifactId='postgresql' or artifactId='kafka') and scope='test'])", pom)).isEqualTo("2");
        String sources = xpath.evaluate(profile + "//execution[goals/goal='add-test-source']//source", pom).strip();
        String resources = xpath.evaluate(profile + "//execution[goals/goal='add-test-resource']//directory", pom).strip();
        assertThat(Path.of(sources).resolve("gov/onceonly/hub/containers/ContainerInfrastructure.java")).exists();
        assertThat(Files.readString(Path.of(resources).resolve("META-INF/spring.factories")))
                .contains("gov.onceonly.hub.containers.ContainerInfrastructure");
        assertThat(Path.of("src/test/resources/META-INF/spring.factories")).as("not registered in the default build").doesNotExist();
    }
}
