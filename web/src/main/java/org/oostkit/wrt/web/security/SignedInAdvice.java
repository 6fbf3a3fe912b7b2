package org.oostkit.wrt.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code signedInAs} (the signed-in email) into every page's model, for the layout's sign-out form. */
@ControllerAdvice
class SignedInAdvice {

    @ModelAttribute("signedInAs")
    String signedInAs(Authentication authentication) {
        return LoginController.signedIn(authentication) && authentication.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals("operator")) ? authentication.getName() : null;
    }
}
