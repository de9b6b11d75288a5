package gov.onceonly.hub.console;

import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.supervision.OverdueItems;
import gov.onceonly.hub.supervision.OverdueList;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The supervisor's list (督办): undecided items due soon or overdue, the most overdue first, by department and level;
 * the same list as {@code GET /api/v1/supervision/overdue}. Each row links to its application's timeline.
 */
@Hidden
@Controller
public class OverduePage {

    /** The levels a supervisor filters by, in the order of the selector. */
    static final Map<String, String> LEVELS = Map.of("OVERDUE", StatusNames.OVERDUE, "DUE_SOON", StatusNames.DUE_SOON);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ApplicationTimeline.CHINA);

    /** An item to chase, as the page shows it. */
    public record Row(UUID applicationId, String itemName, String department, String level, boolean overdue,
                      String status, String acceptedAt, String dueAt, Integer timeLimitDays, int daysOverdue) {
    }

    private final OverdueItems overdue;

    public OverduePage(OverdueItems overdue) {
        this.overdue = overdue;
    }

    @GetMapping(ConsolePaths.HOME + "/overdue")
    public String list(@RequestParam(required = false) String department, @RequestParam(required = false) String level,
                       Model model) {
        String dept = department == null || department.isBlank() ? null : department.strip();
        // An unknown level filters nothing rather than failing: the selector only offers the known ones.
        String lvl = level != null && LEVELS.containsKey(level) ? level : null;
        OverdueList list = overdue.list(dept, lvl);
        List<Row> rows = list.items().stream().map(i -> new Row(i.applicationId(), i.itemName(), i.department(),
                StatusNames.supervision(i.level(), false), "OVERDUE".equals(i.level()), statusName(i.status()),
                ApplicationTimeline.DUE.format(i.acceptedAt()), ApplicationTimeline.DUE.format(i.dueAt()),
                i.timeLimitDays(), i.workingDaysOverdue())).toList();
        List<String> departments = (dept == null && lvl == null ? list : overdue.list(null, null)).items().stream()
                .map(OverdueList.OverdueItem::department).distinct().sorted().toList();
        model.addAttribute("rows", rows);
        model.addAttribute("departments", departments);
        model.addAttribute("department", dept);
        model.addAttribute("level", lvl);
        model.addAttribute("asOf", DAY.format(list.asOf()));
        model.addAttribute("overdueCount", rows.stream().filter(Row::overdue).count());
        return "console/overdue";
    }

    private static String statusName(String status) {
        try {
            return StatusNames.of(ItemStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            return status;
        }
    }
}
