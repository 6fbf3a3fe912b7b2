package org.oostkit.wrt.web.config;

import org.oostkit.wrt.api.common.ActingCommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.Rule;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/** With {@code WRT_DEMO=true} (the embedded default) the organisation {@code demo} exists out of the box. */
@Component
@ConditionalOnProperty(name = "wrt.demo", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    static final String SLUG = "demo";
    static final String ADMIN = "admin@demo.local";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final ActingCommandGateway commands;

    DemoOrganisation(ActingCommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        RegisterOrganisation register = new RegisterOrganisation(OrganisationId.random(), SLUG, "Demo organisation",
                List.of(ADMIN), List.of("auditor@demo.local"));
        try {
            commands.sendAndWait(register, Actor.OPERATOR.value());
            log.info("Created the demo organisation '{}' (admin {})", SLUG, ADMIN);
        } catch (RuleViolation e) {
            if (e.violated() != Rule.SLUG_TAKEN) {
                throw e;
            }
        }
    }
}
