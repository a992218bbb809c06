package dev.instructgen.teacher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides from a host name alone (no DNS lookup) whether a teacher runs on the user's own machines: loopback,
 * private and link-local address literals (RFC 1918, RFC 6598, RFC 4193), "localhost", mDNS ".local",
 * ".internal" (e.g. host.docker.internal) and single-label names such as a compose service "ollama".
 */
public final class LocalHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LocalHosts() {
    }

    /** @param hostAndPort host[:port] as in TeacherIdentity, IPv6 literals in brackets */
    public static boolean isLocal(String hostAndPort) {
        String host = hostOnly(hostAndPort).toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return false;
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal")) {
            return true;
        }
        if (IPV4.matcher(host).matches() || host.contains(":")) {
            return isPrivateLiteral(host);
        }
        return !host.contains(".");
    }

    private static String hostOnly(String hostAndPort) {
        if (hostAndPort == null) {
            return "";
        }
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort.substring(1) : hostAndPort.substring(1, end);
        }
        int colon = hostAndPort.indexOf(':');
        boolean ipv6WithoutBrackets = colon >= 0 && hostAndPort.indexOf(':', colon + 1) >= 0;
        return colon < 0 || ipv6WithoutBrackets ? hostAndPort : hostAndPort.substring(0, colon);
    }

    private static boolean isPrivateLiteral(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] bytes = address.getAddress();
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()) {
                return true;
            }
            if (bytes.length == 4) {
                // 100.64.0.0/10, carrier-grade NAT and overlay networks such as Tailscale (RFC 6598)
                return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            }
            // fc00::/7 unique local addresses (RFC 4193)
            return (bytes[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
