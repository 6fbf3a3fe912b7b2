package org.oostkit.wrt.adapters.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

/** The providers' documented payloads (src/test/resources/webhooks) and a SendGrid signing key. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A documented payload with its metadata pointing at the given tenant and invitation. */
    public static String payload(String name, Object tenant, Object invitation) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${tenant}", String.valueOf(tenant))
                    .replace("${invitation}", String.valueOf(invitation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SendGrid's example uses one placeholder id for every event; real events each have their own. */
    public static String distinctSendGridIds(String payload) {
        StringBuilder out = new StringBuilder();
        String placeholder = "\"sg_event_id\": \"sg_event_id\"";
        int from = 0;
        for (int at = payload.indexOf(placeholder); at >= 0; at = payload.indexOf(placeholder, from)) {
            out.append(payload, from, at).append("\"sg_event_id\": \"").append(UUID.randomUUID()).append('"');
            from = at + placeholder.length();
        }
        return out.append(payload.substring(from)).toString();
    }

    public static KeyPair sendGridKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKey(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** What SendGrid sends in X-Twilio-Email-Event-Webhook-Signature: base64 DER ECDSA over timestamp + body. */
    public static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
