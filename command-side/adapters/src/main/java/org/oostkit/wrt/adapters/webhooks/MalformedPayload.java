package org.oostkit.wrt.adapters.webhooks;

/** The request body is not the JSON the provider sends. */
public class MalformedPayload extends RuntimeException {

    MalformedPayload(String message) {
        super(message, null, false, false);
    }
}
