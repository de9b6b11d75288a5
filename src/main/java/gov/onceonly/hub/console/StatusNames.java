package gov.onceonly.hub.console;

import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ItemStatus;

/** The words a supervisor reads for the hub's states (the API keeps the English names). */
public final class StatusNames {

    /** The supervision levels in words (督办). */
    public static final String DUE_SOON = "即将到期";
    public static final String OVERDUE = "已超期";
    public static final String DECIDED_LATE = "超期办结";

    private StatusNames() {
    }

    /** An item's supervision level (DUE_SOON, OVERDUE or null) in words; a decision after the due date says so. */
    public static String supervision(String level, boolean decidedLate) {
        if (decidedLate) {
            return DECIDED_LATE;
        }
        if (level == null) {
            return "";
        }
        return switch (level) {
            case "DUE_SOON" -> DUE_SOON;
            case "OVERDUE" -> OVERDUE;
            default -> level;
        };
    }

    public static String of(ItemStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PENDING -> "待推送";
            case WAITING -> "等待前序事项";
            case CANCELLED -> "已取消";
            case NOT_APPLICABLE -> "不适用";
            case DELIVERED -> "已推送";
            case NEEDS_MATERIALS -> "待补材料";
            case PARKED -> "推送搁置";
            case ACCEPTED -> "已受理";
            case IN_PROGRESS -> "办理中";
            case DONE -> "已办结";
            case REJECTED -> "已退回";
            case WITHDRAWING -> "撤回中";
            case WITHDRAWN -> "已撤回";
        };
    }

    public static String of(ApplicationStatus status) {
        return switch (status) {
            case RECEIVED -> "已收件";
            case WAITING_FOR_SOURCES -> "等待数据源";
            case DISPATCHING -> "推送中";
            case DELIVERED -> "已推送";
            case NEEDS_MATERIALS -> "待补材料";
            case NEEDS_ATTENTION -> "需人工处理";
            case IN_PROGRESS -> "办理中";
            case COMPLETED -> "已办结";
            case WITHDRAWING -> "撤回中";
            case WITHDRAWN -> "已撤回";
        };
    }

    /** A status that needs someone: shown with the warning style. */
    public static boolean needsAttention(ItemStatus status) {
        return status == ItemStatus.PARKED || status == ItemStatus.REJECTED || status == ItemStatus.NEEDS_MATERIALS;
    }
}
