package gov.onceonly.hub.reload;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/ops/config}: the configuration in service and the last change applied or rejected. */
@RestController
public class ConfigStatusController {

    private final ConfigReloader reloader;

    public ConfigStatusController(ConfigReloader reloader) {
        this.reloader = reloader;
    }

    @Operation(summary = "The configuration in force and the last reload")
    @GetMapping("/api/v1/ops/config")
    public ReloadStatus config() {
        return reloader.status();
    }
}
