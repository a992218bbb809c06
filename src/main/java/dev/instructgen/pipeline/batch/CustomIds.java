package dev.instructgen.pipeline.batch;

import dev.instructgen.teacher.ChatMessage;
import dev.instructgen.teacher.TeacherRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code custom_id} of a request line. The engine's jobs have no identity that outlives the process, so the id
 * is made from what the request is: its stage, messages and sampling, hashed (SHA-256, 64 bits kept), then the
 * how-many-th request of that content this process sends (a stage may ask the same prompt twice to sample two
 * answers). A resumed run that asks the same request again therefore gets the same id, and is handed the answer of
 * the batch the killed process already paid for instead of sending it a second time. A retry of a failed line
 * gets the suffix {@code -rN}: a new line, deliberately sent again.
 *
 * <p>Form: {@code <stage>-<hash>-<occurrence>[-r<attempt>]}, e.g. {@code instruction-generation-0f3a...-0}.
 */
final class CustomIds {

    private static final Pattern FORM = Pattern.compile("(.+-[0-9a-f]{16}-\\d+)(?:-r(\\d+))?");

    private CustomIds() {
    }

    /** The id of the {@code occurrence}-th request with this content (attempt 0). */
    static String base(TeacherRequest request, int occurrence) {
        return slug(request.stage()) + "-" + contentHash(request) + "-" + occurrence;
    }

    static String withAttempt(String base, int attempt) {
        return attempt == 0 ? base : base + "-r" + attempt;
    }

    /** The base of a custom id (without its retry suffix). */
    static String baseOf(String customId) {
        Matcher m = FORM.matcher(customId);
        return m.matches() ? m.group(1) : customId;
    }

    static int attemptOf(String customId) {
        Matcher m = FORM.matcher(customId);
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    }

    static String contentHash(TeacherRequest request) {
        StringBuilder canonical = new StringBuilder(request.stage()).append('\u0000');
        for (ChatMessage m : request.messages()) {
            canonical.append(m.role()).append('\u0000').append(m.content()).append('\u0000');
        }
        canonical.append(request.sampling()).append('\u0000')
                .append(request.responseSchema() == null ? "" : request.responseSchema().name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String slug(String stage) {
        String s = stage.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "request" : s;
    }
}
