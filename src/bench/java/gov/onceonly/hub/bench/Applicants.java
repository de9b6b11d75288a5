package gov.onceonly.hub.bench;

import gov.onceonly.hub.security.RequestSignature;
import gov.onceonly.hub.subject.CitizenIdNumber;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applications as a channel sends them: a new applicant each time (a valid GB 11643 ID number), with the applicant's
 * identity token ({@link BenchIdentity}), signed like HubClient.signature and scripts/hubcurl (HMAC-SHA256 over the
 * key, method, path, timestamp, a fresh nonce and the body's SHA-256).
 */
final class Applicants {

    static final String KEY = "bench-portal";
    /** Fresh per bench run; the hand-written program's JVM is given it (bench.client-secret). */
    static final String SECRET = System.getProperty("bench.client-secret", HubJvm.fresh(48));
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final AtomicLong next = new AtomicLong();

    String nextIdNumber() {
        long n = next.getAndIncrement();
        String first17 = "500101" + LocalDate.of(1960, 1, 1).plusDays(n % 18000).format(DATE)
                + String.format("%03d", (n / 18000) % 1000);
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    String application(String bundle) {
        return """
                {"bundle":"%s","applicant":{"idNumber":"%s","name":"陈基准"},\
                "consent":{"granted":true,"purpose":"基准测试"},"form":{"phone":"13800138000"}}"""
                .formatted(bundle, nextIdNumber());
    }

    static HttpRequest signedPost(URI uri, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String canonical = RequestSignature.canonical(KEY, "POST", uri.getRawPath(), timestamp, nonce, bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String token = BenchIdentity.get().tokenForApplicant(body);
        if (token != null) {
            request.header("X-Applicant-Identity", token);
        }
        return request
                .header("Content-Type", "application/json")
                .header(RequestSignature.KEY, KEY)
                .header(RequestSignature.TIMESTAMP, timestamp)
                .header(RequestSignature.NONCE, nonce)
                .header(RequestSignature.SIGNATURE, RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), canonical))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }
}
