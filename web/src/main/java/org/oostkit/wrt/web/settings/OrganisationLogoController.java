package org.oostkit.wrt.web.settings;

import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationLogo;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.campaign.AdminPages;
import org.oostkit.wrt.web.i18n.AdminLanguage;
import org.oostkit.wrt.web.i18n.Refusals;
import org.oostkit.wrt.web.scope.AdminOnly;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The organisation's logo: admins upload or remove it on the settings page; WRT serves the re-encoded PNG at
 * {@code /org/{slug}/logo.png} to anyone (nominators see it on their pages). Each change is recorded as
 * {@code OrganisationLogoChanged} with the admin as actor.
 */
@Controller
class OrganisationLogoController {

    private final OrganisationLogos logos;
    private final AdminPages pages;

    OrganisationLogoController(OrganisationLogos logos, AdminPages pages) {
        this.logos = logos;
        this.pages = pages;
    }

    @PostMapping("/org/{slug}/settings/logo")
    String upload(@AdminOnly OrganisationView organisation, @RequestParam(name = "logo", required = false)
                  MultipartFile file, Authentication authentication, RedirectAttributes redirect) throws IOException {
        OrganisationLogos.Logo logo;
        try {
            logo = LogoImage.read(file == null ? null : file.getBytes());
        } catch (LogoImage.Refused refused) {
            return flash(redirect, organisation, "error", AdminLanguage.text("logo.refused",
                    AdminLanguage.text(refused.key(), LogoImage.MAX_BYTES / 1024, LogoImage.MAX_SIDE)));
        }
        logos.save(organisation.organisationId().value(), organisation.slug(), logo);
        try {
            pages.send(new ChangeOrganisationLogo(organisation.organisationId(), logo.sha256()), authentication);
        } catch (RuleViolation refused) {
            return flash(redirect, organisation, "error", Refusals.text(refused));
        }
        return flash(redirect, organisation, "ok", AdminLanguage.text("flash.logoSaved"));
    }

    @PostMapping("/org/{slug}/settings/logo/remove")
    String remove(@AdminOnly OrganisationView organisation, Authentication authentication,
                  RedirectAttributes redirect) {
        logos.remove(organisation.organisationId().value());
        pages.send(new ChangeOrganisationLogo(organisation.organisationId(), null), authentication);
        return flash(redirect, organisation, "ok", AdminLanguage.text("flash.logoRemoved"));
    }

    /** Public: nominators' pages show it. Only ever the PNG WRT drew itself, never the upload. */
    @GetMapping("/org/{slug}/logo.png")
    ResponseEntity<byte[]> logo(@PathVariable String slug, HttpServletResponse response) {
        return logos.bySlug(slug).map(logo -> {
            // replaces Spring Security's no-store, written before the handler ran (max-age outranks its Expires)
            response.setHeader(HttpHeaders.CACHE_CONTROL,
                    CacheControl.maxAge(Duration.ofDays(1)).cachePublic().getHeaderValue());
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .eTag("\"" + logo.sha256() + "\"")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .body(logo.png());
        })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static String flash(RedirectAttributes redirect, OrganisationView organisation, String kind,
                                String message) {
        redirect.addFlashAttribute("flash", Map.of("kind", kind, "message", message));
        return "redirect:/org/" + organisation.slug() + "/settings";
    }
}
