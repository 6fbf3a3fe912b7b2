package org.oostkit.wrt.web.operator;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.organisation.OrganisationCommands.ActivateOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.SuspendOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationSlug;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisations;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.query.time.EffectiveZones;
import org.oostkit.wrt.web.campaign.ReadModelWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The operator's organisation operations, shared by the operator API and the command line: register, list,
 * suspend, activate. Input is checked field by field first (so both can say exactly what is wrong); the
 * Organisation aggregate then enforces the same rules and the unique slug. Commands carry the actor
 * {@code operator}.
 */
@Component
class OperatorOrganisations {

    private static final Logger log = LoggerFactory.getLogger(OperatorOrganisations.class);

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(5);

    private final ActingCommandGateway commands;
    private final QueryGateway queries;
    private final EffectiveZones zones;

    OperatorOrganisations(ActingCommandGateway commands, QueryGateway queries, EffectiveZones zones) {
        this.commands = commands;
        this.queries = queries;
        this.zones = zones;
    }

    /** Registers the organisation; throws {@link Invalid} for bad input, {@link SlugTaken} for a taken slug. */
    OrganisationId register(NewOrganisation input) {
        Map<String, String> errors = validate(input);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        OrganisationId id = OrganisationId.random();
        RegisterOrganisation command = new RegisterOrganisation(id, input.slug().strip(),
                TextRule.ORGANISATION_NAME.clean(input.name()),
                normalised(input.adminEmails()), normalised(input.auditorEmails()),
                // without a zone the configured default is recorded, so a later change of the default moves no one
                input.timeZone() == null || input.timeZone().isBlank() ? zones.defaultZone().getId()
                        : TimeZones.require(input.timeZone()).getId());
        try {
            commands.sendAndWait(command, Actor.OPERATOR.value());
        } catch (RuleViolation e) {
            if (e.violated() == Rule.SLUG_TAKEN) {
                throw new SlugTaken(input.slug().strip());
            }
            throw new Invalid(Map.of(field(e.violated()), e.getMessage()));
        }
        // the answer is what the operator passes on to the admins, who ask for a sign-in link right away: only
        // answer once the member list (a read model) knows them, or a link would silently not be sent
        awaitVisible(command.slug(), id);
        return id;
    }

    /** Waits until the registry shows this organisation; a registration slower than that is logged, not undone. */
    private void awaitVisible(String slug, OrganisationId id) {
        OrganisationView shown = awaitInRegistry(slug, found -> found.organisationId().equals(id));
        if (shown == null) {
            log.warn("Organisation {} registered, but the member list did not show it within {}", slug, READ_MODEL_WAIT);
        }
    }

    List<OrganisationView> list() {
        return queries.query(new FindOrganisations(), ResponseTypes.multipleInstancesOf(OrganisationView.class)).join();
    }

    /** Suspends the organisation; throws {@link UnknownOrganisation} if no organisation has this slug. */
    OrganisationView suspend(String slug, String reason) {
        OrganisationView organisation = find(slug);
        String problem = TextRule.SUSPENSION_REASON.problem(reason);
        if (problem != null) {
            throw new Invalid(Map.of("reason", TextRule.sentence(problem)));
        }
        send(new SuspendOrganisation(organisation.organisationId(), TextRule.SUSPENSION_REASON.clean(reason)));
        return organisation;
    }

    OrganisationView activate(String slug) {
        OrganisationView organisation = find(slug);
        send(new ActivateOrganisation(organisation.organisationId()));
        return organisation;
    }

    /**
     * The organisation by slug. The registry is a read model: an organisation registered a moment ago may not
     * be in it yet, so an unknown slug is asked again for a few seconds before it counts as unknown.
     */
    OrganisationView find(String slug) {
        String wanted = slug == null ? "" : slug.strip();
        if (!OrganisationSlug.isValid(wanted)) {
            throw new UnknownOrganisation(wanted);
        }
        OrganisationView found = awaitInRegistry(wanted, organisation -> true);
        if (found == null) {
            throw new UnknownOrganisation(wanted);
        }
        return found;
    }

    /** The registry's organisation with this slug once it satisfies {@code wanted}; null after the wait. */
    private OrganisationView awaitInRegistry(String slug, Predicate<OrganisationView> wanted) {
        return ReadModelWait.until(() -> queries.query(new FindOrganisationBySlug(slug),
                ResponseTypes.instanceOf(OrganisationView.class)).join(), wanted, READ_MODEL_WAIT).orElse(null);
    }

    private void send(Object command) {
        commands.sendAndWait(command, Actor.OPERATOR.value());
    }

    static Map<String, String> validate(NewOrganisation input) {
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = input.slug() == null ? "" : input.slug().strip();
        if (slug.isEmpty()) {
            errors.put("slug", "A slug is required.");
        } else if (!OrganisationSlug.isValid(slug)) {
            errors.put("slug", TextRule.sentence(OrganisationSlug.RULE));
        }
        String nameProblem = TextRule.ORGANISATION_NAME.problem(input.name());
        if (nameProblem != null) {
            errors.put("name", TextRule.sentence(nameProblem));
        } else if (TextRule.ORGANISATION_NAME.clean(input.name()).isEmpty()) {
            errors.put("name", "A name is required.");
        }
        List<String> admins = input.adminEmails() == null ? List.of() : input.adminEmails();
        if (admins.stream().allMatch(e -> e == null || e.isBlank())) {
            errors.put("adminEmails", "At least one admin email is required.");
        }
        emails(admins, "adminEmails", errors);
        emails(input.auditorEmails() == null ? List.of() : input.auditorEmails(), "auditorEmails", errors);
        try {
            TimeZones.optional(input.timeZone());
        } catch (RuleViolation invalid) {
            errors.put("timeZone", invalid.getMessage());
        }
        return errors;
    }

    private static void emails(List<String> emails, String field, Map<String, String> errors) {
        for (String email : emails) {
            String candidate = Emails.normalise(email);
            if (candidate != null && !candidate.isEmpty() && !Emails.isValid(candidate)) {
                errors.putIfAbsent(field, "'" + TextRule.visible(email.strip()) + "' is not a valid email address.");
            }
        }
    }

    private static List<String> normalised(List<String> emails) {
        List<String> result = new ArrayList<>();
        if (emails != null) {
            for (String email : emails) {
                String candidate = Emails.normalise(email);
                if (candidate != null && !candidate.isEmpty() && !result.contains(candidate)) {
                    result.add(candidate);
                }
            }
        }
        return result;
    }

    private static String field(Rule rule) {
        return switch (rule) {
            case SLUG_INVALID -> "slug";
            case NAME_INVALID -> "name";
            case REASON_INVALID -> "reason";
            case TIME_ZONE_INVALID -> "timeZone";
            default -> "adminEmails";
        };
    }

    /** What the operator asks to register; {@code timeZone} is optional (an IANA id; none: the default). */
    record NewOrganisation(String slug, String name, List<String> adminEmails, List<String> auditorEmails,
                           String timeZone) {
    }

    /** Input with field errors (field → message). */
    static final class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("invalid organisation: " + errors, null, false, false);
            this.errors = Map.copyOf(errors);
        }

        Map<String, String> errors() {
            return errors;
        }
    }

    static final class SlugTaken extends RuntimeException {
        SlugTaken(String slug) {
            super("The slug '" + slug + "' is already taken.", null, false, false);
        }
    }

    static final class UnknownOrganisation extends RuntimeException {
        UnknownOrganisation(String slug) {
            super("No organisation with the slug '" + slug + "'.", null, false, false);
        }
    }
}
