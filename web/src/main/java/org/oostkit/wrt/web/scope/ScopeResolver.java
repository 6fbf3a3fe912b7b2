package org.oostkit.wrt.web.scope;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.api.CampaignQueries.FindCampaign;
import org.oostkit.wrt.query.api.CampaignView;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.error.NotAllowed;
import org.oostkit.wrt.web.error.PageNotFound;
import org.oostkit.wrt.web.security.OrganisationRoles;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Gives a handler its {@link CampaignScope} (from the {@code {slug}} and {@code {id}} of the address) or its
 * {@code OrganisationView} (from {@code {slug}}), so that no controller repeats the look-up and the checks:
 * a reader of another organisation, an unknown slug, a malformed or unknown campaign id all get the same 404,
 * and {@link AdminOnly} turns auditors away with 403 before anything is looked up.
 */
@Component
class ScopeResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** Looked up when first needed, so that slice tests of pages without a scope need no query gateway. */
    private final ObjectProvider<QueryGateway> queries;

    ScopeResolver(ObjectProvider<QueryGateway> queries) {
        this.queries = queries;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == CampaignScope.class || type == OrganisationView.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Map<?, ?> variables = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        String slug = variables == null ? null : (String) variables.get("slug");
        Authentication who = request.getUserPrincipal() instanceof Authentication signedIn ? signedIn : null;
        if (slug == null || !OrganisationRoles.canRead(who, slug)) {
            throw new PageNotFound("No such organisation");
        }
        if (parameter.hasParameterAnnotation(AdminOnly.class) && !OrganisationRoles.isAdmin(who, slug)) {
            throw new NotAllowed("Only an admin of the organisation may do this");
        }
        OrganisationView organisation = organisation(slug);
        if (parameter.getParameterType() == OrganisationView.class) {
            return organisation;
        }
        return new CampaignScope(organisation, campaign(organisation, (String) variables.get("id")));
    }

    private OrganisationView organisation(String slug) {
        OrganisationView organisation = join(queries.getObject().query(new FindOrganisationBySlug(slug),
                ResponseTypes.instanceOf(OrganisationView.class)));
        if (organisation == null) {
            throw new PageNotFound("No such organisation");
        }
        return organisation;
    }

    /** Another organisation's campaign is simply not found. */
    private CampaignView campaign(OrganisationView organisation, String id) {
        UUID campaignId;
        try {
            campaignId = UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException notAnId) {
            throw new PageNotFound("No such campaign");
        }
        CampaignView campaign = join(queries.getObject().query(
                new FindCampaign(organisation.organisationId(), new CampaignId(campaignId)),
                ResponseTypes.instanceOf(CampaignView.class)));
        if (campaign == null) {
            throw new PageNotFound("No such campaign");
        }
        return campaign;
    }

    private static <R> R join(java.util.concurrent.CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            // the query handler's own exception, as the controllers saw it before the resolver read for them
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
