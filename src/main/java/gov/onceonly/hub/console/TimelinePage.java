package gov.onceonly.hub.console;

import gov.onceonly.hub.application.ApplicationQueries;
import gov.onceonly.hub.application.ApplicationView;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.supervision.OverdueItems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;
import java.util.UUID;

/**
 * An application's timeline across departments: found by its id (the one the channel got at submission, and every
 * other page links to), read from the same status view the channels poll.
 */
@Hidden
@Controller
public class TimelinePage {

    private final ApplicationQueries applications;
    private final BundleCatalog bundles;
    private final OverdueItems clocks;

    public TimelinePage(ApplicationQueries applications, BundleCatalog bundles, OverdueItems clocks) {
        this.applications = applications;
        this.bundles = bundles;
        this.clocks = clocks;
    }

    /** The search form; with an id, the application's page, or the form again saying what was wrong. */
    @GetMapping(ConsolePaths.HOME + "/applications")
    public String search(@RequestParam(required = false) String id, Model model) {
        if (id == null || id.isBlank()) {
            return "console/search";
        }
        Optional<UUID> parsed = uuid(id.strip());
        if (parsed.isPresent() && applications.view(parsed.get()).isPresent()) {
            return "redirect:" + ConsolePaths.HOME + "/applications/" + parsed.get();
        }
        model.addAttribute("id", id);
        model.addAttribute("problem", parsed.isEmpty() ? "办件编号格式不对：应为 36 位的 UUID，如 3f2c…-…。"
                : "没有这个编号的办件。");
        return "console/search";
    }

    @GetMapping(ConsolePaths.HOME + "/applications/{id}")
    public String timeline(@PathVariable String id, Model model, HttpServletResponse response) {
        Optional<ApplicationView> view = uuid(id).flatMap(applications::view);
        if (view.isEmpty()) {
            model.addAttribute("id", id);
            model.addAttribute("problem", "没有这个编号的办件。");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "console/search";
        }
        ApplicationView application = view.get();
        ApplicationTimeline timeline = ApplicationTimeline.of(application,
                bundles.find(application.bundle(), application.mappingVersion()), clocks.deadlines(application.id()));
        model.addAttribute("timeline", timeline);
        model.addAttribute("chart", TimelineChart.svg(timeline));
        return "console/timeline";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
