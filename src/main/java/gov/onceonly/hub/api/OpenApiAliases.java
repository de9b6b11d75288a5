package gov.onceonly.hub.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /api/v1/openapi.json}: the name tools look for; springdoc serves the document at /api/v1/openapi. */
@Controller
@Hidden
public class OpenApiAliases {

    @GetMapping("/api/v1/openapi.json")
    public String json() {
        return "forward:/api/v1/openapi";
    }
}
