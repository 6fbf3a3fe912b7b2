package org.oostkit.wrt.web.campaign;

import org.oostkit.wrt.web.i18n.AdminLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload over the servlet container's limit fails before any controller runs; the admin gets a page that
 * says so (413) with the way back, never an error page or a 500.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private static final Pattern SEED_UPLOAD = Pattern.compile("^/org/([a-z0-9-]+)/campaigns/([0-9a-fA-F-]{36})/seed/");

    private final DataSize maxSize;
    private final int maxRows;

    UploadLimitAdvice(@Value("${wrt.seeds.max-upload-size:2MB}") DataSize maxSize,
                      @Value("${wrt.seeds.max-rows:" + AddSeedPeople.MAX_ROWS + "}") int maxRows) {
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        Matcher seed = SEED_UPLOAD.matcher(request.getRequestURI());
        String back = seed.find() ? "/org/" + seed.group(1) + "/campaigns/" + seed.group(2) + "/seed" : "/";
        ModelAndView page = new ModelAndView("campaign/upload-too-large");
        page.addObject("title", AdminLanguage.text("campaign.upload.tooLarge"));
        page.addObject("message", SeedPage.tooLarge(maxSize, maxRows));
        page.addObject("back", back);
        if (authentication != null) {
            page.addObject("signedInAs", authentication.getName());
        }
        page.addObject("flash", Map.of("kind", "error", "message", AdminLanguage.text("flash.uploadRefused")));
        return page;
    }
}
