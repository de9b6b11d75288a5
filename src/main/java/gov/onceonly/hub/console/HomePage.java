package gov.onceonly.hub.console;

import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.pipeline.ParkedDeliveries;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's front door: the login form (Spring Security handles its POST) and the home page, which says what
 * needs someone now and leads to each page.
 */
@Hidden
@Controller
public class HomePage {

    /** What the home page counts up to: past it, "500+" tells enough. */
    static final int COUNT_LIMIT = 500;

    private final ParkedDeliveries parked;
    private final BundleCatalog bundles;

    public HomePage(ParkedDeliveries parked, BundleCatalog bundles) {
        this.parked = parked;
        this.bundles = bundles;
    }

    @GetMapping(ConsolePaths.LOGIN)
    public String login() {
        return "console/login";
    }

    @GetMapping({ConsolePaths.HOME, ConsolePaths.HOME + "/"})
    public String home(Model model) {
        int parkedNow = parked.list(COUNT_LIMIT).size();
        model.addAttribute("parked", parkedNow >= COUNT_LIMIT ? COUNT_LIMIT + "+" : String.valueOf(parkedNow));
        model.addAttribute("bundles", bundles.all().size());
        return "console/home";
    }
}
