package org.oostkit.wrt.web.security;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.ValveBase;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Honours {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the proxies named in
 * {@code WRT_TRUSTED_PROXIES} (addresses or CIDR ranges). Tomcat's RemoteIpValve takes a regular expression
 * and, in Spring Boot's default, trusts every private range, so anyone on a private network could name any
 * client address (and slip past per-address limits). The forwarded-for list is read from the right: every
 * hop added by a trusted proxy is skipped, and the first untrusted address is the client.
 */
final class TrustedProxyValve extends ValveBase {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private final List<NetMask> trusted;

    TrustedProxyValve(List<NetMask> trusted) {
        super(true);
        this.trusted = List.copyOf(trusted);
    }

    /** The comma-separated list of addresses and CIDR ranges; a wrong entry stops the start with its reason. */
    static List<NetMask> parse(String list) {
        List<NetMask> masks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                String address = entry.strip().split("/", 2)[0];
                if (literal(address) == null) {
                    // NetMask would look a name up in DNS; a proxy is named by its address
                    throw new IllegalArgumentException("not an IP address");
                }
                masks.add(new NetMask(entry.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("WRT_TRUSTED_PROXIES: \"" + entry.strip()
                        + "\" is not an IP address or CIDR range (" + e.getMessage() + ")", e);
            }
        }
        return masks;
    }

    boolean trusts(String address) {
        InetAddress literal = literal(address);
        return literal != null && trusted.stream().anyMatch(mask -> mask.matches(literal));
    }

    /** Parses an IP literal without ever asking DNS; null for anything else. */
    private static InetAddress literal(String address) {
        if (address == null) {
            return null;
        }
        String value = address.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        if (!trusts(peer)) {
            getNext().invoke(request, response);
            return;
        }
        String remoteAddr = request.getRemoteAddr();
        String remoteHost = request.getRemoteHost();
        String scheme = request.getCoyoteRequest().scheme().toString();
        boolean secure = request.isSecure();
        int serverPort = request.getServerPort();
        try {
            String client = client(hops(request.getHeaders("X-Forwarded-For")));
            if (client != null) {
                request.setRemoteAddr(client);
                request.setRemoteHost(client);
            }
            List<String> protocols = hops(request.getHeaders("X-Forwarded-Proto"));
            if (!protocols.isEmpty()) {
                // the proxy next to us appended last: its word on the scheme counts
                String protocol = protocols.get(protocols.size() - 1);
                if ("https".equalsIgnoreCase(protocol) || "http".equalsIgnoreCase(protocol)) {
                    boolean https = "https".equalsIgnoreCase(protocol);
                    request.setSecure(https);
                    request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                    request.setServerPort(https ? 443 : 80);
                }
            }
            getNext().invoke(request, response);
        } finally {
            // an asynchronous request (a webhook body still arriving) goes on with the client's address; the
            // request object is recycled when it completes
            if (!request.isAsync()) {
                request.setRemoteAddr(remoteAddr);
                request.setRemoteHost(remoteHost);
                request.setSecure(secure);
                request.getCoyoteRequest().scheme().setString(scheme);
                request.setServerPort(serverPort);
            }
        }
    }

    /** The rightmost hop not added by a trusted proxy; the leftmost valid one when all are trusted. */
    private String client(List<String> hops) {
        String client = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                break; // not an address ("unknown", a name, junk): what lies further left cannot be trusted
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    private static List<String> hops(Enumeration<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(headers)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }
}
