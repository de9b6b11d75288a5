package gov.onceonly.hub.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar hub.jar new bundle --id X --name 名称 --target <connector>}: writes {@code mappings/<id>.yaml} with
 * the catalogue facts and one item for that target, demanding the applicant's name from the population registry (or
 * the fields given with {@code --demand}) and a contact phone from the form. Exit 0 when written, 1 when the file
 * exists, 2 on bad usage.
 */
@Command(name = "bundle", sortOptions = false, usageHelpAutoWidth = true,
        description = "Writes mappings/<id>.yaml: the catalogue facts and one item delivered to --target.")
public final class NewBundleCommand implements Callable<Integer> {

    @Option(names = "--id", required = true, description = "The bundle's id, also its file's name (lower case, dashes).")
    String id;

    @Option(names = "--name", required = true, description = "The bundle's name, without 一件事, such as 军人退役.")
    String name;

    @Option(names = "--target", required = true, description = "The connector (role target) the first item is delivered to.")
    String target;

    @Option(names = "--demand", paramLabel = "NAME=CONNECTOR/DATASET.FIELD", description = "A field of the item and its "
            + "origin, repeatable; default: name=gongan-population/person.name.")
    Map<String, String> demands;

    @Option(names = "--stage", defaultValue = "社会服务阶段", description = "The life or business stage; default: ${DEFAULT-VALUE}.")
    String stage;

    @Option(names = "--root", defaultValue = ".", description = "The configuration root; default: the current folder.")
    Path root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new ParameterException(spec.commandLine(), "--id: lower-case words joined by dashes, such as veteran-benefits");
        }
        JsonNode connector = ScaffoldFiles.connector(root, target).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--target: there is no connectors/" + target + ".yaml under " + root));
        if (!"target".equals(connector.path("role").asText())) {
            throw new ParameterException(spec.commandLine(), "--target: " + target + " is a " + connector.path("role").asText()
                    + ", not a target");
        }
        String file = "mappings/" + id + ".yaml";
        try {
            ScaffoldFiles.refuseExisting(root, List.of(file));
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println(e.getFile() + ": " + e.getReason());
            return 1;
        }
        ScaffoldFiles.write(root, file, mapping(connector.path("department").asText()));
        spec.commandLine().getOut().println("wrote " + root.resolve(file));
        spec.commandLine().getOut().println("next: java -jar hub.jar lint " + root + "; then add the item's demands "
                + "(docs/adding-a-bundle.md)");
        return 0;
    }

    String mapping(String department) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", target.replaceFirst("-approval$", "") + "-application");
        item.put("name", name + "申请");
        item.put("department", department);
        item.put("target", target);
        Map<String, Object> itemDemands = new LinkedHashMap<>();
        (demands == null || demands.isEmpty() ? Map.of("name", "gongan-population/person.name") : demands)
                .forEach((field, origin) -> itemDemands.put(field, Map.of("from", origin)));
        itemDemands.put("contactPhone", Map.of("from", "form.contactPhone"));
        item.put("demands", itemDemands);

        Map<String, Object> phone = new LinkedHashMap<>();
        phone.put("title", "联系电话");
        phone.put("pattern", "^1[3-9]\\d{9}$");
        phone.put("example", "13800138000");
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("id", id);
        bundle.put("name", name);
        bundle.put("type", "personal");
        bundle.put("stage", stage);
        bundle.put("leadDepartment", department);
        bundle.put("coLeadDepartments", List.of());
        bundle.put("batch", "优化提升");
        bundle.put("sequence", 1);
        bundle.put("completionMonth", YearMonth.now().toString());
        bundle.put("form", Map.of("contactPhone", phone));
        bundle.put("items", List.of(item));
        return ScaffoldFiles.yaml(List.of("yaml-language-server: $schema=../schemas/mapping.json",
                name + "一件事: written by `java -jar hub.jar new bundle`; the catalogue facts are placeholders to correct,",
                "the items are what the hub delivers (docs/adding-a-bundle.md)."), bundle);
    }
}
