package gov.onceonly.hub.schema;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/**
 * Publishes the schemas of the configuration files, so that an editor (or a CI job) on another machine can check
 * a connector or mapping against exactly what this hub accepts.
 */
@RestController
public class SchemaController {

    @Operation(summary = "List the JSON Schemas of the configuration files")
    @GetMapping("/api/v1/schemas")
    public Map<String, List<String>> index() {
        return Map.of("schemas", ConfigSchemas.publishedNames().stream().map(n -> "/api/v1/schemas/" + n + ".json").toList());
    }

    @Operation(summary = "One JSON Schema of a configuration file")
    @GetMapping("/api/v1/schemas/{name}.json")
    @ApiResponse(responseCode = "200", description = "The JSON Schema, as editors load it",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    public ResponseEntity<byte[]> schema(@PathVariable @Parameter(schema = @Schema(
            allowableValues = {"connector", "mapping", "camel-yaml-dsl"})) String name) {
        byte[] body = ConfigSchemas.published(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no schema '" + name + "'; there are " + ConfigSchemas.publishedNames()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
