package org.oostkit.wrt.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@code signedInAs} (the signed-in email) into every page's model, for the layout's sign-out form. */
@ControllerAdvice
public class SignedInAdvice {

    @ModelAttribute("signedInAs")
    String model(Authentication authentication) {
        return signedInAs(authentication);
    }

    /** Who the layout shows as signed in: members, not operators nor anonymous nominators; else null. */
    public static String signedInAs(Authentication authentication) {
        return LoginController.signedIn(authentication) && authentication.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals("operator")) ? authentication.getName() : null;
    }
}
