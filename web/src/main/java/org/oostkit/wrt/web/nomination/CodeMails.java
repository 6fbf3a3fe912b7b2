package org.oostkit.wrt.web.nomination;

import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.InvitationCommands.RequestVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationCommands.WithdrawVerificationCode;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.IssuedCode;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.adapters.mail.OutgoingMail;
import org.oostkit.wrt.web.metrics.WrtMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Issues and mails a verification code off the request thread, so the answer is the same page after the same
 * time whether the address is the invited one, and whether the mail server works.
 */
@Component
class CodeMails {

    private static final Logger log = LoggerFactory.getLogger(CodeMails.class);

    private final Nominators nominators;
    private final OutgoingMail mail;
    private final WrtMetrics metrics;
    private final TaskExecutor codeMail;

    CodeMails(Nominators nominators, OutgoingMail mail, WrtMetrics metrics,
              @Qualifier("applicationTaskExecutor") TaskExecutor codeMail) {
        this.nominators = nominators;
        this.mail = mail;
        this.metrics = metrics;
        this.codeMail = codeMail;
    }

    void requestLater(OrganisationId org, InvitationId invitation, String address) {
        try {
            codeMail.execute(() -> issueAndMail(org, invitation, address));
        } catch (TaskRejectedException full) {
            log.warn("Code request for invitation {} dropped: too many waiting", invitation);
        }
    }

    /** A code whose mail was not handed over is withdrawn, so an outage does not use up the invitation's codes. */
    private void issueAndMail(OrganisationId org, InvitationId invitation, String address) {
        IssuedCode code;
        try {
            code = nominators.send(new RequestVerificationCode(invitation, org, address), invitation);
        } catch (RuleViolation refused) {
            // email-mismatch, too-many-codes, round-closed: nobody is told, the page did not depend on it
            log.info("No code sent for invitation {}: {}", invitation, refused.rule());
            return;
        } catch (RuntimeException failed) {
            log.warn("No code issued for invitation {}: {}", invitation, failed.toString());
            return;
        }
        try {
            mail.sendVerificationCode(org, invitation, address, code.code(), code.expiresAt());
            metrics.codeIssued();
        } catch (RuntimeException mailFailed) {
            log.warn("Could not send the verification code of invitation {}; the code is withdrawn: {}", invitation,
                    mailFailed.toString());
            try {
                nominators.send(new WithdrawVerificationCode(invitation, org, code.expiresAt()), invitation);
            } catch (RuntimeException withdrawFailed) {
                log.error("Could not withdraw the unsent code of invitation {}", invitation, withdrawFailed);
            }
        }
    }
}
