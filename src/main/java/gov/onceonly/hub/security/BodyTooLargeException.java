package gov.onceonly.hub.security;

import java.io.IOException;

/**
 * Thrown while reading a request body past its limit (api.BodySizeLimitFilter); answered with 413 by the signature
 * check, which reads the body first, or by api.ApiProblems.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("request body exceeds " + maxBytes + " bytes");
    }
}
