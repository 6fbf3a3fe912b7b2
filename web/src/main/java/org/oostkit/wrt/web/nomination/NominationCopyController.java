package org.oostkit.wrt.web.nomination;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.oostkit.wrt.adapters.mail.MailNotSentException;
import org.oostkit.wrt.adapters.mail.NominationCopies;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * "Mail me a copy of my list", offered after saving: the list this session saved goes to the invitation's own
 * verified address only, once per saved list (the page cannot be used to mail anyone else, or to flood anyone).
 */
@Controller
class NominationCopyController {

    static final String SENT = NominationCopyController.class.getName() + ".sent";

    private final NominationCopies copies;

    NominationCopyController(NominationCopies copies) {
        this.copies = copies;
    }

    @PostMapping("/org/{slug}/nominate/copy")
    String copy(@PathVariable String slug, HttpServletRequest request, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        NominatorSession.Verified verified = session == null ? null
                : session.getAttribute(NominatorSession.VERIFIED) instanceof NominatorSession.Verified v
                && v.slug().equals(slug) ? v : null;
        String form = "redirect:/org/" + slug + "/nominate/form";
        if (verified == null) {
            return "redirect:/org/" + slug + "/nominate/verify";
        }
        NominatorSession.Saved saved = (NominatorSession.Saved) session.getAttribute(NominatorSession.SAVED);
        // the message as a key of the nominator texts (and the address it names): the form words it in its language
        if (saved == null || saved.people().isEmpty()) {
            redirect.addFlashAttribute("flash", Map.of("kind", "warn", NominatorLanguage.FLASH_KEY,
                    "nominate.copy.none"));
            return form;
        }
        if (saved.savedAt().equals(session.getAttribute(SENT))) {
            redirect.addFlashAttribute("flash", Map.of("kind", "ok", NominatorLanguage.FLASH_KEY,
                    "nominate.copy.already", NominatorLanguage.FLASH_EMAIL, verified.email()));
            return form;
        }
        try {
            copies.send(verified.organisationId(), verified.invitationId(), saved.people().stream()
                    .map(p -> new NominationCopies.Named(p.name(), p.email(), p.reason())).toList(), saved.savedAt());
            session.setAttribute(SENT, saved.savedAt());
            redirect.addFlashAttribute("flash", Map.of("kind", "ok", NominatorLanguage.FLASH_KEY,
                    "nominate.copy.sent", NominatorLanguage.FLASH_EMAIL, verified.email()));
        } catch (MailNotSentException e) {
            // the adapter's reason is English: the nominator reads whether the address is blocked or sending failed
            redirect.addFlashAttribute("flash", Map.of("kind", "error", NominatorLanguage.FLASH_KEY,
                    e.suppressed() ? "nominate.copy.suppressed" : "nominate.copy.failed"));
        }
        return form;
    }
}
