package gov.onceonly.hub.intake;

import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/** {@code POST /api/v1/applications}: a channel submits one application on the applicant's behalf. */
@RestController
public class IntakeController {

    private final Intake intake;

    public IntakeController(Intake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Apply once for a life event")
    @PostMapping(path = "/api/v1/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED) // what the OpenAPI document says: accepted, with the status URL to follow
    public ResponseEntity<Intake.Accepted> submit(@RequestBody ApplicationRequest request,
                                                  @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                                  RegisteredClient caller,
                                                  @RequestHeader(name = ApplicantIdentity.HEADER, required = false)
                                                  String identityToken, HttpServletRequest http) throws IOException {
        // A channel: config/SecurityConfiguration lets no other role through.
        RegisteredClient channel = CallerProblems.require(caller);
        // The signature check kept the body: the evidence is of these bytes, from this channel.
        Intake.Accepted accepted = intake.submit(request, identityToken, channel.key(), http.getInputStream().readAllBytes());
        return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
    }
}
