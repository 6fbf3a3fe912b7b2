package org.oostkit.wrt.web.error;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Nothing by that address, or nothing the reader may see: both answer the same 404 page or problem. */
public class PageNotFound extends ResponseStatusException {

    public PageNotFound(String reason) {
        super(HttpStatus.NOT_FOUND, reason);
    }
}
