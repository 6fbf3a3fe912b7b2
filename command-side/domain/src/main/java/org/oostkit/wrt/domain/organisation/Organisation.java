package org.oostkit.wrt.domain.organisation;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.organisation.OrganisationActivated;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ActivateOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationLogo;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationMembers;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ChangeOrganisationTimeZone;
import org.oostkit.wrt.api.organisation.OrganisationCommands.DeactivateOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.SuspendOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationDeactivated;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationLogoChanged;
import org.oostkit.wrt.api.organisation.OrganisationMembersChanged;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.organisation.OrganisationSlug;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.api.organisation.OrganisationSuspended;
import org.oostkit.wrt.api.organisation.OrganisationTimeZoneChanged;

import java.time.ZoneId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation (tenant): its slug, name, status, time zone, logo and who administers and audits it. Without a zone
 * of its own (organisations registered before zones existed) it reads as the configured default zone.
 */
@Aggregate
class Organisation {

    static final int NAME_MAX = TextRule.ORGANISATION_NAME.maxLength();
    static final int MEMBERS_MAX = 100;
    static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    @AggregateIdentifier
    private OrganisationId id;
    private OrganisationStatus status;
    private ZoneId timeZone;
    private String logoSha256;

    Organisation() {
    }

    @CommandHandler
    Organisation(RegisterOrganisation command, OrganisationDirectory directory) {
        String slug = command.slug() == null ? "" : command.slug().strip();
        if (!OrganisationSlug.isValid(slug)) {
            throw new RuleViolation(Rule.SLUG_INVALID, "The slug must be " + OrganisationSlug.RULE + ".");
        }
        String name = TextRule.ORGANISATION_NAME.require(command.name(), Rule.NAME_INVALID);
        if (name.isEmpty()) {
            throw new RuleViolation(Rule.NAME_INVALID, "The name must have 1 to " + NAME_MAX + " characters.",
                    NAME_MAX);
        }
        List<String> admins = members(command.adminEmails(), "admin");
        if (admins.isEmpty()) {
            throw new RuleViolation(Rule.ADMIN_REQUIRED, "An organisation needs at least one admin email.");
        }
        List<String> auditors = members(command.auditorEmails(), "auditor");
        ZoneId zone = TimeZones.optional(command.timeZone());
        if (directory.slugTaken(slug)) {
            throw new RuleViolation(Rule.SLUG_TAKEN, "The slug '" + slug + "' is already taken.", slug);
        }
        apply(new OrganisationRegistered(command.organisationId(), slug, name, admins, auditors));
        if (zone != null) {
            apply(new OrganisationTimeZoneChanged(command.organisationId(), zone.getId()));
        }
    }

    @CommandHandler
    void handle(ChangeOrganisationTimeZone command) {
        ZoneId zone = TimeZones.require(command.timeZone());
        if (!zone.equals(timeZone)) {
            apply(new OrganisationTimeZoneChanged(id, zone.getId()));
        }
    }

    @CommandHandler
    void handle(ChangeOrganisationLogo command) {
        String sha256 = command.sha256();
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw new RuleViolation(Rule.LOGO_HASH_INVALID, "A logo is named by the SHA-256 of its PNG, in hex.");
        }
        if (!java.util.Objects.equals(sha256, logoSha256)) {
            apply(new OrganisationLogoChanged(id, sha256));
        }
    }

    @CommandHandler
    void handle(ChangeOrganisationMembers command) {
        List<String> admins = members(command.adminEmails(), "admin");
        if (admins.isEmpty()) {
            throw new RuleViolation(Rule.ADMIN_REQUIRED, "An organisation needs at least one admin email.");
        }
        apply(new OrganisationMembersChanged(id, admins, members(command.auditorEmails(), "auditor")));
    }

    @CommandHandler
    void handle(SuspendOrganisation command) {
        if (status != OrganisationStatus.SUSPENDED) {
            apply(new OrganisationSuspended(id,
                    TextRule.SUSPENSION_REASON.require(command.reason(), Rule.REASON_INVALID)));
        }
    }

    @CommandHandler
    void handle(ActivateOrganisation command) {
        if (status != OrganisationStatus.ACTIVE) {
            apply(new OrganisationActivated(id));
        }
    }

    @CommandHandler
    void handle(DeactivateOrganisation command) {
        if (status != OrganisationStatus.INACTIVE) {
            apply(new OrganisationDeactivated(id));
        }
    }

    /** The admins' sentences are the rule's own; the auditors' are a variant of it. */
    private static String variant(String role) {
        return "admin".equals(role) ? null : role;
    }

    private static List<String> members(List<String> emails, String role) {
        if (emails == null) {
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String email : emails) {
            String candidate = Emails.normalise(email);
            if (candidate == null || candidate.isEmpty()) {
                continue;
            }
            if (!Emails.isValid(candidate)) {
                throw RuleViolation.variant(Rule.EMAIL_INVALID, variant(role), "'" + TextRule.visible(email.strip())
                        + "' is not a valid " + role + " email.", TextRule.visible(email.strip()));
            }
            normalised.add(candidate);
        }
        if (normalised.size() > MEMBERS_MAX) {
            throw RuleViolation.variant(Rule.TOO_MANY_MEMBERS, variant(role), "At most " + MEMBERS_MAX + " " + role + "s.",
                    MEMBERS_MAX);
        }
        return new ArrayList<>(normalised);
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        id = event.organisationId();
        status = OrganisationStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(OrganisationTimeZoneChanged event) {
        timeZone = ZoneId.of(event.timeZone());
    }

    @EventSourcingHandler
    void on(OrganisationLogoChanged event) {
        logoSha256 = event.sha256();
    }

    @EventSourcingHandler
    void on(OrganisationSuspended event) {
        status = OrganisationStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(OrganisationActivated event) {
        status = OrganisationStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(OrganisationDeactivated event) {
        status = OrganisationStatus.INACTIVE;
    }
}
