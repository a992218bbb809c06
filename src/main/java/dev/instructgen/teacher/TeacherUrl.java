package dev.instructgen.teacher;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.LocalHosts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code --teacher-url}. A base URL must be {@code http://} or {@code https://} with a host; anything else
 * is refused at start (exit 2) with the expected form, because a URL the transport cannot use otherwise fails
 * every request and would be retried until the run's patience ran out.
 *
 * <p>One shorthand is accepted: a local {@code HOST:PORT[/PATH]} without a scheme (e.g. {@code localhost:11434},
 * the form Ollama's own {@code OLLAMA_HOST} takes) gets {@code http://}. Only for local hosts: for a remote
 * one we would have to guess between http and https, and guessing http would send the API key in clear text.
 */
public final class TeacherUrl {

    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    /** host[:port][/path]: a name or IPv4 literal, or a bracketed IPv6 literal, without any "//" typo. */
    private static final Pattern HOST_PORT_PATH =
            Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9][A-Za-z0-9.-]*)(:\\d{1,5})?(/[^/].*|/)?$");

    private TeacherUrl() {
    }

    /**
     * The base URL written {@code text}, checked.
     *
     * @throws BadInputException naming the option and the expected form
     */
    public static URI parse(String text) {
        return parse("--teacher-url", text);
    }

    /** As {@link #parse(String)}, for another option naming an endpoint (e.g. {@code --answer-url}). */
    public static URI parse(String option, String text) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            throw bad(option, "is empty", given);
        }
        if (!HAS_SCHEME.matcher(given).find()) {
            if (HOST_PORT_PATH.matcher(given).matches()) {
                URI withScheme = toUri(option, "http://" + given, given);
                if (withScheme.getHost() != null && LocalHosts.isLocal(hostAndPort(withScheme))) {
                    return check(option, withScheme, given);
                }
                throw bad(option, "has no scheme (a remote server needs https:// or http:// written out)", given);
            }
            throw bad(option, "has no scheme", given);
        }
        return check(option, toUri(option, given, given), given);
    }

    /** Checks a URL already parsed, e.g. from a test or a config. */
    public static URI check(URI url) {
        return check("--teacher-url", url, String.valueOf(url));
    }

    private static URI check(String option, URI url, String given) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(option, "uses '" + scheme + "://', which is not HTTP", given);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw bad(option, "has no host", given);
        }
        return url;
    }

    private static URI toUri(String option, String text, String given) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw bad(option, "is not a URL (" + e.getReason() + ")", given);
        }
    }

    private static String hostAndPort(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    /** The URL as shown in messages: scheme, host, port and path, never user info (which may hold a password). */
    public static String display(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + hostAndPort(url) + path;
    }

    private static BadInputException bad(String option, String problem, String given) {
        return new BadInputException(option + " '" + given + "' " + problem + ": expected "
                + "http://HOST[:PORT][/PATH] or https://..., e.g. http://localhost:8000/v1 (OpenAI-compatible) "
                + "or http://localhost:11434 (Ollama)");
    }
}
