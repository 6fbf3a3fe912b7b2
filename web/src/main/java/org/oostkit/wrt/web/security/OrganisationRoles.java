package org.oostkit.wrt.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The roles a signed-in person holds, as Spring Security authorities: {@code org:<slug>:admin} and
 * {@code org:<slug>:auditor}. Both sign-in modes grant them; the organisation routes are authorised with them.
 */
public final class OrganisationRoles {

    private OrganisationRoles() {
    }

    public static String admin(String slug) {
        return "org:" + slug + ":admin";
    }

    public static String auditor(String slug) {
        return "org:" + slug + ":auditor";
    }

    public static boolean isAdmin(Authentication authentication, String slug) {
        return has(authentication, admin(slug));
    }

    /** Admin or auditor: may read everything of the organisation. */
    public static boolean canRead(Authentication authentication, String slug) {
        return has(authentication, admin(slug)) || has(authentication, auditor(slug));
    }

    private static boolean has(Authentication authentication, String authority) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
