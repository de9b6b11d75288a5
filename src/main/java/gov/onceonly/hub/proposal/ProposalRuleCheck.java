package gov.onceonly.hub.proposal;

import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.Suggestions;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.ConnectorKind;
import gov.onceonly.hub.connector.DatasetDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule must be besides its schema's shape, checked the same way at startup, in the lint and before a hot reload:
 * its id is its file's name, its bundle is in the catalogue, its stream is a kafka source's dataset (or a topic), and
 * the form fields and parties it fills are the bundle's. Pure.
 */
public final class ProposalRuleCheck {

    private ProposalRuleCheck() {
    }

    /** The rule compiled, or a {@link ConfigFileException} naming each problem's path. */
    public static CompiledRule compile(String file, String expectedId, ProposalRule rule,
                                       Map<String, CompiledBundle> bundles, ConnectorCatalog connectors) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!expectedId.equals(rule.id())) {
            problems.add(ConfigProblem.ofValue(file, "id", "must equal the file name '" + expectedId + "'"));
        }
        String topic = topic(file, rule.stream(), connectors, problems);
        Optional<CompiledBundle> bundle = Optional.ofNullable(rule.bundle()).map(bundles::get);
        if (bundle.isEmpty()) {
            problems.add(ConfigProblem.ofValue(file, "bundle", "unknown bundle '" + rule.bundle() + "'"
                    + Suggestions.didYouMean(String.valueOf(rule.bundle()), bundles.keySet())));
        } else {
            var definition = bundle.get().definition();
            rule.form().keySet().stream().filter(field -> !definition.form().containsKey(field)).forEach(field ->
                    problems.add(new ConfigProblem(file, "form." + field, "is not a form field of bundle '"
                            + rule.bundle() + "'" + Suggestions.didYouMean(field, definition.form().keySet()))));
            rule.parties().keySet().stream().filter(party -> !definition.parties().containsKey(party)).forEach(party ->
                    problems.add(new ConfigProblem(file, "parties." + party, "is not a party of bundle '"
                            + rule.bundle() + "'" + Suggestions.didYouMean(party, definition.parties().keySet()))));
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return new CompiledRule(file, rule, topic, bundle.get().subjectKey());
    }

    private static String topic(String file, ProposalRule.Stream stream, ConnectorCatalog connectors,
                                List<ConfigProblem> problems) {
        if (stream == null) {
            problems.add(new ConfigProblem(file, "stream", "is required: a dataset or a topic"));
            return null;
        }
        if (stream.topic() != null) {
            return stream.topic();
        }
        String dataset = String.valueOf(stream.dataset());
        int slash = dataset.indexOf('/');
        String connectorId = slash < 0 ? dataset : dataset.substring(0, slash);
        Optional<ConnectorDefinition> connector = connectors.find(connectorId);
        if (connector.isEmpty() || connector.get().kind() != ConnectorKind.KAFKA || !connector.get().isSource()) {
            List<String> streamed = connectors.entries().stream().map(ConnectorCatalog.Entry::definition)
                    .filter(c -> c.kind() == ConnectorKind.KAFKA && c.isSource()).map(ConnectorDefinition::id).toList();
            problems.add(ConfigProblem.ofValue(file, "stream.dataset", "'" + connectorId
                    + "' is not a kafka source connector: the streamed ones are " + streamed));
            return null;
        }
        Optional<DatasetDefinition> found = slash < 0 ? Optional.empty()
                : connectors.dataset(connectorId, dataset.substring(slash + 1));
        if (found.isEmpty()) {
            problems.add(ConfigProblem.ofValue(file, "stream.dataset", "connector '" + connectorId
                    + "' has no dataset '" + dataset.substring(slash + 1) + "'"
                    + Suggestions.didYouMean(dataset.substring(slash + 1), connector.get().datasets().keySet())));
            return null;
        }
        return found.get().topic();
    }
}
