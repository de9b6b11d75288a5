package gov.onceonly.hub.console;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.ItemDefinition;
import gov.onceonly.hub.rating.RectificationCase;
import gov.onceonly.hub.rating.Rectifications;
import gov.onceonly.hub.subject.Masking;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rectification cases (整改) a 差评 opened, oldest first: where each stands (open, answered, closed), which
 * department owes it, its due date and whether it is late (answered after it, or still unanswered past it, as the
 * departments' figures count it). The free texts are shown masked, as text.
 */
@Hidden
@Controller
public class RectificationsPage {

    /** A case as the page shows it. */
    public record Row(UUID applicationId, String item, String department, String level, String status,
                      String openedAt, String dueAt, boolean late, String comment, String answer, String callback) {
    }

    private final Rectifications rectifications;
    private final BundleCatalog bundles;
    private final Clock clock;

    public RectificationsPage(Rectifications rectifications, BundleCatalog bundles, Clock clock) {
        this.rectifications = rectifications;
        this.bundles = bundles;
        this.clock = clock;
    }

    @GetMapping(ConsolePaths.HOME + "/rectifications")
    public String list(@RequestParam(required = false) String department, @RequestParam(required = false) String status,
                       Model model) {
        String dept = department == null || department.isBlank() ? null : department.strip();
        RectificationCase.Status which = Arrays.stream(RectificationCase.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, String> names = itemNames();
        List<Row> rows = rectifications.list(dept, which).stream().map(c -> row(c, now, names)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("departments", rectifications.list(null, null).stream().map(RectificationCase::department)
                .distinct().sorted().toList());
        model.addAttribute("department", dept);
        model.addAttribute("status", which == null ? null : which.name());
        model.addAttribute("lateCount", rows.stream().filter(Row::late).count());
        return "console/rectifications";
    }

    /**
     * The items' names in the catalogue (a case keeps the item's id, not its bundle): an id names the same service
     * in every bundle that has it.
     */
    private Map<String, String> itemNames() {
        return bundles.all().stream().flatMap(b -> b.definition().items().stream()).filter(i -> i.name() != null)
                .collect(Collectors.toMap(ItemDefinition::id, ItemDefinition::name, (a, b) -> a));
    }

    static Row row(RectificationCase c, OffsetDateTime now, Map<String, String> names) {
        boolean late = c.answeredAt() == null ? c.status() == RectificationCase.Status.OPEN && now.isAfter(c.dueAt())
                : c.answeredAt().isAfter(c.dueAt());
        String callback = c.callbackResult() == null ? ""
                : ("satisfied".equals(c.callbackResult()) ? "满意" : "不满意")
                + (c.callbackNote() == null ? "" : "：" + Masking.maskKeysIn(c.callbackNote()));
        return new Row(c.applicationId(), c.item() == null ? "整件" : names.getOrDefault(c.item(), c.item()), c.department(), c.level(),
                statusName(c.status()), ApplicationTimeline.DUE.format(c.openedAt()),
                ApplicationTimeline.DUE.format(c.dueAt()), late, text(c.comment()), text(c.answer()), callback);
    }

    static String statusName(RectificationCase.Status status) {
        return switch (status) {
            case OPEN -> "待整改";
            case ANSWERED -> "已答复，待回访";
            case CLOSED -> "已办结";
        };
    }

    private static String text(String free) {
        return free == null ? "" : Masking.maskKeysIn(free);
    }
}
