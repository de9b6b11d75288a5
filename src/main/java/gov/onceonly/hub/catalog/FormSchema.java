package gov.onceonly.hub.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of the one form an applicant fills for a bundle: only the fields no department
 * source provides. A channel can render the form from it and check an application before sending it; the intake
 * checks every application against this same schema, with the formats {@code gb11643} and {@code gb32100}.
 */
public final class FormSchema {

    /** GB 11643: 17 digits and a digit or X. The check character is the format's to verify. */
    static final String ID_NUMBER_PATTERN = "^\\d{17}[\\dX]$";
    /** GB 32100: 18 characters of the 31-character alphabet, a 6-digit division code at positions 3 to 8. */
    static final String CREDIT_CODE_PATTERN = "^[0-9A-HJ-NP-RTUWXY]{2}\\d{6}[0-9A-HJ-NP-RTUWXY]{10}$";
    /** The formats the hub asserts with the check character (a validator without them still checks the pattern). */
    public static final String ID_NUMBER_FORMAT = "gb11643";
    public static final String CREDIT_CODE_FORMAT = "gb32100";

    private FormSchema() {
    }

    public static Map<String, Object> of(CompiledBundle bundle) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        bundle.definition().form().forEach((name, field) -> {
            Map<String, Object> property = property(field);
            List<Map<String, Object>> switches = switches(bundle, name);
            if (!switches.isEmpty()) {
                property.put("x-switches", switches);
            }
            properties.put(name, property);
            if (field.required()) {
                required.add(name);
            }
        });
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:onceonly:bundle:" + bundle.id() + ":form");
        schema.put("title", bundle.definition().name() + "：申请人填写的表单");
        schema.put("description", "只含任何部门数据源都不能提供的字段；其余字段由中枢从部门数据中填写。");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("required", required);
        schema.put("properties", properties);
        return schema;
    }

    /** The items this answer switches on or off: each item whose condition looks at it, and when it applies. */
    private static List<Map<String, Object>> switches(CompiledBundle bundle, String formField) {
        List<Map<String, Object>> switches = new ArrayList<>();
        bundle.items().stream()
                .filter(item -> item.condition() != null && item.condition().origin() instanceof Origin.FormInput input
                        && input.field().equals(formField))
                .forEach(item -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("item", item.id());
                    entry.put("name", item.name());
                    entry.put("appliesWhen", item.condition().rule().describe());
                    switches.add(entry);
                });
        return switches;
    }

    private static Map<String, Object> property(FormField field) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", field.title());
        switch (field.type()) {
            case STRING -> {
                p.put("type", "string");
                p.put("maxLength", field.maxLength());
                if (field.pattern() != null) {
                    p.put("pattern", field.pattern());
                }
            }
            case INTEGER -> p.put("type", "integer");
            case BOOLEAN -> p.put("type", "boolean");
            case DATE -> {
                p.put("type", "string");
                p.put("format", "date");
            }
            case ID_NUMBER -> {
                p.put("type", "string");
                p.put("pattern", ID_NUMBER_PATTERN);
                p.put("format", ID_NUMBER_FORMAT);
                p.put("description", "公民身份号码，校验码按 GB 11643 检验");
            }
            case CREDIT_CODE -> {
                p.put("type", "string");
                p.put("pattern", CREDIT_CODE_PATTERN);
                p.put("format", CREDIT_CODE_FORMAT);
                p.put("description", "统一社会信用代码，校验码按 GB 32100 检验");
            }
        }
        if (field.example() != null) {
            p.put("examples", List.of(field.example()));
        }
        return p;
    }
}
