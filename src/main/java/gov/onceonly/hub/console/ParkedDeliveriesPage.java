package gov.onceonly.hub.console;

import gov.onceonly.hub.pipeline.ParkedDeliveries;
import gov.onceonly.hub.subject.Masking;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Deliveries parked after their retries, oldest first, each with a button to replay it: the same replay as
 * {@code POST /api/v1/ops/deliveries/{id}/{item}/replay} (a form POST with the session's CSRF token, for operators).
 */
@Hidden
@Controller
public class ParkedDeliveriesPage {

    static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ApplicationTimeline.CHINA);

    /** A parked delivery as the page shows it. */
    public record Row(UUID applicationId, String item, String department, String target, int attempts,
                      String lastError, String parkedAt) {
    }

    private final ParkedDeliveries parked;
    private final ConsoleRoles roles;

    public ParkedDeliveriesPage(ParkedDeliveries parked, RoleHierarchy hierarchy) {
        this.parked = parked;
        this.roles = new ConsoleRoles(hierarchy);
    }

    @GetMapping(ConsolePaths.HOME + "/deliveries")
    public String list(Model model, Authentication who) {
        List<Row> rows = parked.list(LIMIT).stream().map(p -> new Row(p.applicationId(), p.item(), p.department(),
                p.target(), p.attempts(), Masking.maskKeysIn(p.lastError()), TIME.format(p.parkedAt()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("limit", LIMIT);
        model.addAttribute("mayAct", roles.mayAct(who));
        return "console/deliveries";
    }

    @PostMapping(ConsolePaths.HOME + "/deliveries/{applicationId}/{item}/replay")
    public String replay(@PathVariable UUID applicationId, @PathVariable String item, RedirectAttributes flash) {
        boolean replayed = parked.replay(applicationId, item);
        flash.addFlashAttribute("done", replayed);
        flash.addFlashAttribute("message", replayed
                ? "已重新推送：办件 " + applicationId + " 的事项 " + item + "。"
                : "办件 " + applicationId + " 的事项 " + item + " 已不在搁置状态（可能已被他人重推）。");
        return "redirect:" + ConsolePaths.HOME + "/deliveries";
    }
}
