package org.oostkit.wrt.web.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.view.MustacheView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page that reads the admin texts in the admin's language unless its handler gave it other texts (the
 * nominator pages bring their own {@code t}). Being the view, it words error and exception pages too, which no
 * interceptor's postHandle sees.
 */
public class WordedView extends MustacheView {

    @Override
    protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                             HttpServletResponse response) throws Exception {
        if (!model.containsKey("t")) {
            Locale locale = AdminLanguage.supported(RequestContextUtils.getLocale(request));
            model.put("t", AdminLanguage.texts().html(locale));
            model.putIfAbsent("lang", locale.getLanguage());
            model.putIfAbsent("languages", links(locale, request));
        }
        super.renderMergedTemplateModel(model, request, response);
    }

    /** The switch to the other language: this page again (GET pages only; a form's answer would be re-sent). */
    static List<LanguageLink> links(Locale locale, HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getAttribute("jakarta.servlet.error.status_code") != null) {
            return List.of();
        }
        return AdminLanguage.SUPPORTED.stream().map(code -> new LanguageLink(code,
                AdminLanguage.texts().get(Locale.forLanguageTag(code), "language." + code),
                code.equals(locale.getLanguage()),
                UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                        .replaceQueryParam("lang", code).build().toUriString())).toList();
    }

    /** One language of the switch in the header. */
    record LanguageLink(String code, String label, boolean current, String href) {
    }
}
