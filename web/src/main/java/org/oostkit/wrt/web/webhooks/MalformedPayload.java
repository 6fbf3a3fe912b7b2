package org.oostkit.wrt.web.webhooks;

/** The request body is not the JSON the provider sends. */
class MalformedPayload extends RuntimeException {

    MalformedPayload(String message) {
        super(message, null, false, false);
    }
}
