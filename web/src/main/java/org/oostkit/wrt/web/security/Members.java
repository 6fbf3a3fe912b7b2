package org.oostkit.wrt.web.security;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationsOfMember;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Which organisations an email belongs to, and the authorities that follow from it. */
@Component
class Members {

    private final QueryGateway queries;

    Members(QueryGateway queries) {
        this.queries = queries;
    }

    List<OrganisationView> organisationsOf(String email) {
        return queries.query(new FindOrganisationsOfMember(Emails.normalise(email)),
                ResponseTypes.multipleInstancesOf(OrganisationView.class)).join();
    }

    List<GrantedAuthority> authoritiesOf(String email) {
        return authorities(Emails.normalise(email), organisationsOf(email));
    }

    static List<GrantedAuthority> authorities(String email, List<OrganisationView> organisations) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (OrganisationView organisation : organisations) {
            if (organisation.isAdmin(email)) {
                authorities.add(new SimpleGrantedAuthority(OrganisationRoles.admin(organisation.slug())));
            }
            if (organisation.isAuditor(email)) {
                authorities.add(new SimpleGrantedAuthority(OrganisationRoles.auditor(organisation.slug())));
            }
        }
        return authorities;
    }
}
