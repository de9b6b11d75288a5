package gov.onceonly.hub.configfile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlLocatorTest {

    private static final String TEXT = """
            id: sample
            kind: ftp
            items:
              - id: first
                demands:
                  name: { from: dept/person.nmae }
            """;

    @Test
    void aKeyIsFoundAtItsKeyAndAValueAtItsValue() {
        YamlLocator locator = YamlLocator.parse(TEXT);
        assertThat(locator.locate("kind")).isEqualTo(new YamlLocator.Position(2, 1));
        assertThat(locator.locateValue("kind")).isEqualTo(new YamlLocator.Position(2, 7));
        assertThat(locator.locate("items[0].demands.name.from")).isEqualTo(new YamlLocator.Position(6, 15));
        assertThat(locator.locateValue("items[0].demands.name.from")).isEqualTo(new YamlLocator.Position(6, 21));
    }

    @Test
    void aMissingPathPointsAtTheDeepestPartThatExists() {
        YamlLocator locator = YamlLocator.parse(TEXT);
        assertThat(locator.locate("items[0].target")).isEqualTo(new YamlLocator.Position(4, 5));
        assertThat(locator.locateValue("items[0].demands.name.fallback")).isEqualTo(new YamlLocator.Position(6, 7));
    }

    @Test
    void aStartupProblemIsPrintedAsTheLintPrintsIt() {
        ConfigFileException located = new ConfigFileException(ConfigProblem.ofValue("connectors/x.yaml", "kind",
                "must be http, jdbc, kafka or route; found 'ftp'")).locatedIn(TEXT);
        assertThat(located.getMessage())
                .isEqualTo("connectors/x.yaml:2:7: error: kind: must be http, jdbc, kafka or route; found 'ftp'");
        assertThat(new ConfigFileException(new ConfigProblem("x.yaml", "id", "odd")).locatedIn("not: [yaml").getMessage())
                .isEqualTo("x.yaml: id: odd");
    }
}
