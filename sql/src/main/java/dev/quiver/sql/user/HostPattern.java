package dev.quiver.sql.user;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.Locale;

/**
 * MySQL's host part of an account: a literal host name or IP, a pattern with {@code %} and {@code _}, or an IPv4
 * {@code address/netmask}. Matching and the order MySQL tries accounts in (most specific host first, then named users
 * before the anonymous one) follow {@code sql_auth_cache.cc}: a host without wildcards sorts first, a pattern sorts by
 * how much literal text precedes its first wildcard, {@code %} last.
 */
public final class HostPattern
{
    /** Accounts in the order a login tries them. */
    public static final Comparator<AccountName> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((AccountName each) -> -specificity(each.host()))
            .thenComparing(each -> each.user().isEmpty())
            .thenComparing(AccountName::host)
            .thenComparing(AccountName::user);

    private HostPattern()
    {
    }

    /**
     * True when a client connecting from {@code clientHost} (an IP literal or {@code localhost}) matches the pattern.
     * A loopback client also matches {@code localhost}, as MySQL resolves 127.0.0.1 and ::1 to it.
     */
    public static boolean matches(String pattern, String clientHost)
    {
        String host = pattern.toLowerCase(Locale.ROOT);
        String client = clientHost.toLowerCase(Locale.ROOT);
        boolean loopback = isLoopback(client);
        if (host.isEmpty() || host.equals("%")) {
            return true;
        }
        int slash = host.indexOf('/');
        if (slash > 0) {
            return matchesNetmask(host.substring(0, slash), host.substring(slash + 1), loopback && client.equals("localhost") ? "127.0.0.1" : client);
        }
        if (wildcardMatch(host, client)) {
            return true;
        }
        if (loopback) {
            return wildcardMatch(host, "localhost") || wildcardMatch(host, "127.0.0.1") || (client.contains(":") && wildcardMatch(host, "::1"));
        }
        return false;
    }

    /**
     * Higher is more specific. As MySQL's manual (Access Control, Stage 1) documents: literal host names and IP
     * addresses are the most specific, and an IP address with a netmask is as specific as one without; {@code %} is
     * least specific, and the empty host (also "any host") sorts after it.
     */
    static int specificity(String host)
    {
        if (host.isEmpty()) {
            return -1;
        }
        if (host.equals("%")) {
            return 0;
        }
        int wildcard = firstWildcard(host);
        if (wildcard < 0) {
            return 1_000_000;
        }
        return 1 + wildcard;
    }

    private static int firstWildcard(String host)
    {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '%' || c == '_') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLoopback(String client)
    {
        return client.equals("localhost") || client.equals("127.0.0.1") || client.equals("::1") || client.equals("0:0:0:0:0:0:0:1");
    }

    /** {@code %} any run, {@code _} one character, {@code \} escapes; case-insensitive (the caller lower-cased). */
    static boolean wildcardMatch(String pattern, String text)
    {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String pattern, int p, String text, int t)
    {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '%') {
                for (int k = t; k <= text.length(); k++) {
                    if (match(pattern, p + 1, text, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length()) {
                return false;
            }
            if (c == '_') {
                p++;
                t++;
                continue;
            }
            if (c == '\\' && p + 1 < pattern.length()) {
                p++;
                c = pattern.charAt(p);
            }
            if (c != text.charAt(t)) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }

    private static boolean matchesNetmask(String address, String mask, String client)
    {
        if (!isIpv4Literal(address) || !isIpv4Literal(mask) || !isIpv4Literal(client)) {
            return false;
        }
        long ip = ipv4(address);
        long netmask = ipv4(mask);
        return (ipv4(client) & netmask) == ip;
    }

    private static boolean isIpv4Literal(String text)
    {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static long ipv4(String text)
    {
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            long result = 0;
            for (byte each : bytes) {
                result = (result << 8) | (each & 0xff);
            }
            return result;
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an IPv4 literal: " + text, ex);
        }
    }
}
