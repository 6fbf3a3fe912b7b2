package org.oostkit.wrt.web.error;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The reader may look but not change: answered as the 403 page or problem. */
public class NotAllowed extends ResponseStatusException {

    public NotAllowed(String reason) {
        super(HttpStatus.FORBIDDEN, reason);
    }
}
