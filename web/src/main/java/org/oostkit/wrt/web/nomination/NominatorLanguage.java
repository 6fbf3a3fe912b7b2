package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.api.campaign.CampaignLanguage;
import org.oostkit.wrt.query.time.LocalTimes;
import org.oostkit.wrt.adapters.i18n.Texts;
import org.oostkit.wrt.adapters.mail.CampaignSenders;
import org.oostkit.wrt.web.settings.OrganisationLogos;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The language of the nominator pages: the one the nominator chose with {@code ?lang=xx} (kept in the session),
 * else the campaign's (the page's, or the one last shown in this session), else English. The handlers state facts (the deadline's instant and zone, how many people
 * were named, which title); this words them in that language after the handler, and gives the templates the
 * {@code t} lambda and the links to the other languages.
 */
@Configuration
class NominatorLanguage implements WebMvcConfigurer, HandlerInterceptor {

    static final String CHOSEN = Texts.CHOSEN;
    /** The language of the campaign last shown in this session, for the pages that name no campaign (the code). */
    static final String CAMPAIGN_LANGUAGE = Texts.CAMPAIGN_LANGUAGE;
    /** Model attributes the handlers set for this to word. */
    static final String TITLE_KEY = "titleKey";
    static final String NAMED_COUNT = "namedCount";
    /** In a nominator page's flash message: the key of its text, and the address the text names ({0}), if any. */
    static final String FLASH_KEY = "key";
    static final String FLASH_EMAIL = "email";

    private static final Texts TEXTS = Texts.bundled();

    // a provider: web slices (@WebMvcTest) load this configuration without the mail beans
    private final ObjectProvider<CampaignSenders> campaigns;
    private final ObjectProvider<OrganisationLogos> logos;
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("^/org/([^/]+)/nominate");

    NominatorLanguage(ObjectProvider<CampaignSenders> campaigns, ObjectProvider<OrganisationLogos> logos) {
        this.campaigns = campaigns;
        this.logos = logos;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/org/*/nominate/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String asked = request.getParameter("lang");
        if (CampaignLanguage.supported(asked)) {
            request.getSession(true).setAttribute(CHOSEN, asked);
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null) {
            return;
        }
        Map<String, Object> model = view.getModel();
        Object campaign = model.containsKey(NominatorContact.CAMPAIGN) ? model.get(NominatorContact.CAMPAIGN)
                : request.getAttribute(NominatorContact.CAMPAIGN);
        if (NominatorPages.LANDING.equals(view.getViewName())) {
            // the landing's form needs a session anyway (for its CSRF token): made here, it also remembers the
            // campaign's language for the step that follows, should that step be refused by a rate limit
            request.getSession(true);
        }
        // on a redirect this only remembers the campaign's language for the page that follows
        Locale locale = locale(request, campaign instanceof UUID id ? id : null);
        if (view.getViewName() != null && !view.getViewName().startsWith("redirect:")) {
            words(model, locale, request);
            logo(model, request);
        }
    }

    /** The organisation's logo at the top of the page, when it has one. */
    private void logo(Map<String, Object> model, HttpServletRequest request) {
        OrganisationLogos known = logos.getIfAvailable();
        java.util.regex.Matcher slug = SLUG.matcher(request.getRequestURI());
        if (known != null && slug.find()) {
            known.href(slug.group(1)).ifPresent(href -> model.put("logoHref", href));
        }
    }

    /** The page's language: chosen in this session, else the campaign's (null: none known), else English. */
    Locale locale(HttpServletRequest request, UUID campaign) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            return Texts.locale(chosen);
        }
        CampaignSenders known = campaigns.getIfAvailable();
        if (known != null && campaign != null) {
            String language = known.language(campaign);
            if (session != null) {
                session.setAttribute(CAMPAIGN_LANGUAGE, language);
            }
            return Texts.locale(language);
        }
        return remembered(request);
    }

    /** The language chosen or last shown in this session, else English: for pages that know no campaign. */
    static Locale remembered(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object code = session == null ? null
                : session.getAttribute(CHOSEN) != null ? session.getAttribute(CHOSEN)
                : session.getAttribute(CAMPAIGN_LANGUAGE);
        return Texts.locale(code instanceof String language ? language : null);
    }

    /** Adds the lambda, the language links and the worded facts to a nominator page's model. */
    static void words(Map<String, Object> model, Locale locale, HttpServletRequest request) {
        model.put("t", TEXTS.html(locale));
        model.put("lang", locale.getLanguage());
        model.put("languages", links(locale, request));
        if (model.get("deadlineIso") instanceof String iso && model.get("deadlineZone") instanceof String zone) {
            model.put("deadline", LocalTimes.moment(Instant.parse(iso), ZoneId.of(zone), locale));
        }
        if (model.get(TITLE_KEY) instanceof String key) {
            model.put("title", TEXTS.get(locale, key, String.valueOf(model.getOrDefault("campaignName", ""))));
        }
        if (model.get(NAMED_COUNT) instanceof Integer count) {
            model.put("count", TEXTS.get(locale, "nominate.done.count", count));
        }
        if (model.get("flash") instanceof Map<?, ?> flash && flash.get(FLASH_KEY) instanceof String key) {
            // shown as a value: the address it names is escaped like any other
            String message = flash.get(FLASH_EMAIL) instanceof String email ? TEXTS.get(locale, key, email)
                    : TEXTS.get(locale, key);
            model.put("flash", Map.of("kind", String.valueOf(flash.get("kind")), "message", message));
        }
    }

    /** Links to this page in the other languages (GET pages only: a form's answer page links to itself). */
    private static List<Map<String, Object>> links(Locale locale, HttpServletRequest request) {
        List<Map<String, Object>> links = new ArrayList<>();
        if (!"GET".equals(request.getMethod())) {
            return links;
        }
        for (String code : CampaignLanguage.SUPPORTED) {
            Map<String, Object> link = new HashMap<>();
            link.put("code", code);
            link.put("label", TEXTS.get(Locale.forLanguageTag(code), "language." + code));
            link.put("current", code.equals(locale.getLanguage()));
            link.put("href", UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString()).replaceQueryParam("lang", code).build().toUriString());
            links.add(link);
        }
        return links;
    }
}
