package dev.instructgen.review.server;

import com.sun.net.httpserver.HttpExchange;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Who may talk to the review server: only a page that knows the access token and is served by this server.
 *
 * <p>Binding to 127.0.0.1 keeps other machines out, but not other web pages open in the same browser: any
 * site can make the browser send requests to localhost. The random token (printed once, in the URL) keeps
 * out everyone who has not been given it; the Origin check refuses requests a foreign page makes even if
 * it learned the token; the Host check refuses DNS-rebinding, where a foreign name resolves to 127.0.0.1.
 */
final class RequestGuard {

    static final String TOKEN_HEADER = "X-Review-Token";

    private final byte[] token;
    private final String tokenText;
    private final Set<String> hosts;
    private final Set<String> origins;

    RequestGuard(String token, int port) {
        this.tokenText = token;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String token() {
        return tokenText;
    }

    /** Null when the request may go on, else why it is refused (answered with 403). */
    String refusal(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return "unexpected Host header";
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin)) {
            return "requests from another origin are refused";
        }
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && site.equals("cross-site")) {
            return "cross-site requests are refused";
        }
        String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (given == null) {
            given = queryToken(exchange.getRequestURI());
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return "missing or wrong access token";
        }
        return null;
    }

    private static String queryToken(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
