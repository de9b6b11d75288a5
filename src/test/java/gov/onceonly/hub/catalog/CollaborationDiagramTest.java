package gov.onceonly.hub.catalog;

import gov.onceonly.hub.application.Milestone;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CollaborationDiagramTest {

    @Test
    void itemsStartFromTheApplicationOrFromWhatTheyWaitForWithTheirConditions() {
        CompiledBundle newborn = RealCatalogue.bundle("newborn");
        List<CompiledItem> items = newborn.items();
        CompiledItem certificate = items.get(0);
        CompiledItem household = items.get(1);
        CompiledItem card = items.get(3);
        List<CompiledItem> ordered = List.of(certificate,
                new CompiledItem(household.id(), household.name(), household.department(), household.target(),
                        household.exemptMaterials(), household.demands(), Map.of(certificate.id(), Milestone.DONE), null, Map.of()),
                new CompiledItem(card.id(), card.name(), card.department(), card.target(), card.exemptMaterials(),
                        card.demands(), Map.of(certificate.id(), Milestone.DELIVERED),
                        new CompiledBundle.CompiledCondition(Origin.parse("form.registrationChoice"),
                                new ItemCondition("form.registrationChoice", "father", null, null, null)), Map.of()));
        CompiledBundle bundle = new CompiledBundle(newborn.definition(), newborn.version(), newborn.subjectKey(),
                newborn.fetchPlan(), ordered);

        String mermaid = CollaborationDiagram.mermaid(bundle, RealCatalogue.CONNECTORS);

        assertThat(mermaid).startsWith("%% 一事一套图：").contains("业务协同模型").contains("flowchart TD\n");
        assertThat(mermaid).contains("  application --> item0\n").doesNotContain("application --> item1")
                .doesNotContain("application --> item2");
        assertThat(mermaid).contains("  item0 -- \"done：certificateNo\" --> item1\n").contains("  item0 -- \"delivered\" --> item2\n");
        assertThat(mermaid).contains("item2[\"" + card.name() + "<br/><small>" + card.department()
                + "</small><br/><small>线上：接口调用（HTTP）</small><br/><small>仅当 form.registrationChoice is 'father'</small>\"]");
        assertThat(mermaid).contains("  class item2 conditional\n");
    }

    /** 企业开办: the outputs on the edges, the step each department takes; 公民身后: the deceased's data, on a legal basis. */
    @Test
    void outputsPassedAlongTheOrderPartiesAndEachStepAreDrawn() {
        String startup = CollaborationDiagram.mermaid(RealCatalogue.bundle("business-startup"), RealCatalogue.CONNECTORS);
        assertThat(startup).contains("  item0 -- \"done：creditCode、licenceNumber\" --> item2\n")
                .contains("<small>线上：库表交换（JDBC）</small>").contains("<small>线下：");
        String afterDeath = CollaborationDiagram.mermaid(RealCatalogue.bundle("after-death"), RealCatalogue.CONNECTORS);
        assertThat(afterDeath).contains("  party_deceased[/\"逝者<br/><small>法定依据，无需同意</small>\"/]\n")
                .contains("  party_deceased -.-> item1\n");
    }
}
