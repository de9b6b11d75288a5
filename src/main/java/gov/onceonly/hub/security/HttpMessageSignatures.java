package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.Ed25519SigningKey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of RFC 9421 (HTTP Message Signatures) the hub uses, with Ed25519, and RFC 9530's Content-Digest. A
 * signature covers named components (derived ones such as {@code @method} and {@code @target-uri}, and header
 * fields such as {@code content-digest}); its base is one line per component, then the signature parameters, and is
 * what Ed25519 signs. No library for RFC 9421 is served here; the base is small, and HttpMessageSignaturesTest holds
 * the RFC's own Ed25519 vector (appendix B.2.6).
 */
public final class HttpMessageSignatures {

    public static final String SIGNATURE_INPUT = "Signature-Input";
    public static final String SIGNATURE = "Signature";
    public static final String CONTENT_DIGEST = "Content-Digest";

    /** A parsed {@code Signature-Input} member: its label, covered components, and parameters as written. */
    public record Input(String label, List<String> components, Map<String, String> parameters, String serialized) {

        public Optional<String> parameter(String name) {
            return Optional.ofNullable(parameters.get(name));
        }
    }

    private static final Pattern MEMBER = Pattern.compile("^([a-z*][a-z0-9_.*-]*)=\\((.*?)\\)(.*)$");
    private static final Pattern PARAMETER = Pattern.compile(";([a-z*][a-z0-9_.*-]*)=(\"[^\"]*\"|[0-9]+)");
    private static final Pattern SIGNATURE_MEMBER = Pattern.compile("^([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/=]+):$");

    private HttpMessageSignatures() {
    }

    /** RFC 9530: {@code sha-256=:<base64 of SHA-256 of the content>:}. */
    public static String contentDigest(byte[] content) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content)) + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The serialized signature parameters: the inner list of components, then each parameter in the given order. */
    public static String signatureParams(List<String> components, Map<String, Object> parameters) {
        StringBuilder params = new StringBuilder(components.stream().map(c -> "\"" + c + "\"")
                .collect(Collectors.joining(" ", "(", ")")));
        parameters.forEach((name, value) -> params.append(';').append(name).append('=')
                .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
        return params.toString();
    }

    /** RFC 9421 §2.5: each component's line, in order, then {@code "@signature-params"}; no trailing newline. */
    public static String base(Map<String, String> componentValues, String signatureParams) {
        StringBuilder base = new StringBuilder();
        componentValues.forEach((name, value) -> base.append('"').append(name).append("\": ").append(value).append('\n'));
        return base.append("\"@signature-params\": ").append(signatureParams).toString();
    }

    public static byte[] sign(Ed25519SigningKey key, String base) {
        return key.sign(base.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean verify(PublicKey key, String base, byte[] signature) {
        return Ed25519SigningKey.verify(key, base.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** The {@code Signature} header's value for a label: {@code label=:<base64>:}. */
    public static String signatureHeader(String label, byte[] signature) {
        return label + "=:" + Base64.getEncoder().encodeToString(signature) + ":";
    }

    /** One {@code Signature-Input} member ({@code label=(...);params}); empty when it is not one the hub writes. */
    public static Optional<Input> parseInput(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher member = MEMBER.matcher(header.strip());
        if (!member.matches()) {
            return Optional.empty();
        }
        List<String> components = member.group(2).isBlank() ? List.of()
                : List.of(member.group(2).strip().split("\\s+")).stream().map(c -> c.replace("\"", "")).toList();
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(member.group(3));
        int end = 0;
        while (parameter.find() && parameter.start() == end) {
            parameters.put(parameter.group(1), parameter.group(2).replace("\"", ""));
            end = parameter.end();
        }
        if (end != member.group(3).length()) {
            return Optional.empty();
        }
        return Optional.of(new Input(member.group(1), components, parameters, header.strip().substring(member.group(1).length() + 1)));
    }

    /** The signature bytes of a {@code Signature} member with the given label; empty if it is not there. */
    public static Optional<byte[]> parseSignature(String header, String label) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher member = SIGNATURE_MEMBER.matcher(header.strip());
        if (!member.matches() || !member.group(1).equals(label)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(member.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
