package gov.onceonly.hub.console;

import gov.onceonly.hub.application.ApplicationView;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.subject.Masking;
import gov.onceonly.hub.supervision.ItemDeadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One application across its departments, as a supervisor reads it: every dated step (receipt, each push, each
 * department's report, the withdrawal) in the order it happened, and where each item stands now. Built from the
 * status view the channels read ({@link ApplicationView}); free text from departments and channels is shown with any
 * ID number in it masked, since a supervisor needs the step, not the person.
 */
public record ApplicationTimeline(ApplicationView application, String bundleName, String status, String receivedAt,
                                  List<Step> steps, List<ItemRow> items, List<String> departments) {

    /** The hub itself, as the lane of its own steps. */
    public static final String HUB = "数据中枢";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    /** One dated step: when, how long after receipt, at which department, for which item, what happened. */
    public record Step(Instant at, String time, String elapsed, String department, String item, String what,
                       String note, boolean attention) {
    }

    /**
     * An item as it stands now.
     *
     * @param dueAt its due date (承诺时限) once accepted, "" before
     * @param supervision its supervision level in words (即将到期, 已超期, 超期办结), "" when none
     */
    public record ItemRow(String item, String department, String target, String status, boolean attention,
                          int attempts, String lastError, String decision, String dueAt, String supervision) {
    }

    public static ApplicationTimeline of(ApplicationView view, Optional<CompiledBundle> bundle) {
        return of(view, bundle, List.of());
    }

    /** With the items' clocks ({@code deadlines}, from supervision): each row says when it is due and how late. */
    public static ApplicationTimeline of(ApplicationView view, Optional<CompiledBundle> bundle,
                                         List<ItemDeadline> deadlines) {
        Map<String, ItemDeadline> clocks = deadlines.stream()
                .collect(Collectors.toMap(ItemDeadline::item, Function.identity()));
        List<Step> steps = new ArrayList<>();
        Instant received = view.receivedAt();
        steps.add(step(received, received, HUB, "", "收件", "共 " + view.items().size() + " 个事项", false));
        List<ItemRow> rows = new ArrayList<>();
        List<String> departments = new ArrayList<>(List.of(HUB));
        for (ApplicationView.Item item : view.items()) {
            String name = bundle.flatMap(b -> b.item(item.item())).map(i -> i.name() == null ? i.id() : i.name())
                    .orElse(item.item());
            if (!departments.contains(item.department())) {
                departments.add(item.department());
            }
            if (item.deliveredAt() != null) {
                steps.add(step(item.deliveredAt(), received, item.department(), name, "推送至" + item.target(),
                        item.attempts() > 1 ? "第 " + item.attempts() + " 次推送成功" : "", false));
            }
            for (ApplicationView.Event event : item.timeline()) {
                String note = event.source() == null ? "" : "经" + ("topic".equals(event.source()) ? "消息主题" : "接口");
                Object reason = event.details().getOrDefault("reason", event.details().get("result"));
                if (reason != null) {
                    note += "：" + reason;
                }
                if (!event.applied()) {
                    note += "（乱序，未采纳）";
                }
                steps.add(step(event.at(), received, item.department(), name, StatusNames.of(event.status()),
                        Masking.maskKeysIn(note), event.status() == ItemStatus.REJECTED));
            }
            ItemDeadline clock = clocks.get(item.item());
            String level = clock == null ? "" : StatusNames.supervision(clock.level(), clock.decidedLate());
            rows.add(new ItemRow(name, item.department(), item.target(), StatusNames.of(item.status()),
                    StatusNames.needsAttention(item.status()) || StatusNames.OVERDUE.equals(level), item.attempts(),
                    Masking.maskKeysIn(item.lastError()), Masking.maskKeysIn(decision(item)),
                    clock == null ? "" : DUE.format(clock.dueAt()), level));
        }
        if (view.withdrawal() != null) {
            steps.add(step(view.withdrawal().at(), received, HUB, "", "申请人撤回",
                    Masking.maskKeysIn(view.withdrawal().reason()), false));
        }
        steps.sort(Comparator.comparing(Step::at));
        return new ApplicationTimeline(view, bundle.map(b -> b.definition().name()).orElse(view.bundle()),
                StatusNames.of(view.status()), TIME.format(received), steps, rows, departments);
    }

    private static Step step(Instant at, Instant received, String department, String item, String what, String note,
                             boolean attention) {
        return new Step(at, TIME.format(at), elapsed(Duration.between(received, at)), department, item, what,
                note == null ? "" : note, attention);
    }

    /** "+3 分 05 秒", "+2 天 4 小时": how long after receipt, to the unit that matters. */
    static String elapsed(Duration d) {
        if (d.isNegative()) {
            return "";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return "+" + s + " 秒";
        }
        if (s < 3600) {
            return "+%d 分 %02d 秒".formatted(s / 60, s % 60);
        }
        if (s < 86_400) {
            return "+%d 小时 %02d 分".formatted(s / 3600, s % 3600 / 60);
        }
        return "+%d 天 %d 小时".formatted(s / 86_400, s % 86_400 / 3600);
    }

    /** What the department decided: result, certificate number, or why it sent the item back or it was cancelled. */
    private static String decision(ApplicationView.Item item) {
        List<String> parts = new ArrayList<>();
        if (item.result() != null) {
            parts.add(item.result());
        }
        if (item.certificateNo() != null) {
            parts.add("证照号 " + item.certificateNo());
        }
        if (item.reason() != null) {
            parts.add(item.reason());
        }
        if (!item.waitsFor().isEmpty()) {
            parts.add("等待：" + String.join("、", item.waitsFor().keySet()));
        }
        return String.join("；", parts);
    }
}
