package org.oostkit.wrt.query;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.processing.DeadLetterAdmin;
import org.oostkit.wrt.query.processing.ReadModels;
import org.oostkit.wrt.query.support.ReadSideTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An organisation the registry cannot record is parked; the next organisations are registered; retry heals. */
class TenantRegistryIsolationTest extends ReadSideTestSupport {

    @Autowired
    DeadLetterAdmin deadLetters;

    @Test
    @DisplayName("a registration the tenant registry refuses is parked while later organisations are registered")
    void refusedRegistrationIsParked() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String brokenSlug = "broken-" + suffix;
        String trigger = "refuse_" + suffix;
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.slug = '" + brokenSlug + "' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON tenant FOR EACH ROW EXECUTE FUNCTION "
                + trigger + "()");
        try {
            OrganisationId broken = register(brokenSlug);
            OrganisationId healthy = register("healthy-" + suffix);
            await("the next organisation registered").atMost(Duration.ofSeconds(60))
                    .until(() -> registered(healthy));
            assertThat(registered(broken)).isFalse();
            List<DeadLetterAdmin.Letter> letters = deadLetters.list(ReadModels.TENANT_REGISTRY, 100).stream()
                    .filter(letter -> letter.organisation().equals(broken.toString())).toList();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).eventType()).isEqualTo("OrganisationRegistered");

            jdbc.execute("DROP TRIGGER " + trigger + " ON tenant");
            assertThat(deadLetters.retry(ReadModels.TENANT_REGISTRY, letters.get(0).eventId()))
                    .isEqualTo(DeadLetterAdmin.Outcome.SUCCEEDED);
            assertThat(registered(broken)).isTrue();
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger + " ON tenant");
            jdbc.execute("DROP FUNCTION IF EXISTS " + trigger + "()");
        }
    }

    private OrganisationId register(String slug) {
        OrganisationId id = OrganisationId.random();
        wrt().send(new RegisterOrganisation(id, slug, "Organisation " + slug, List.of("admin@" + slug + ".test"),
                List.of()), Actor.OPERATOR);
        return id;
    }

    private boolean registered(OrganisationId organisation) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM tenant WHERE organisation_id = ?", Integer.class,
                organisation.value());
        return n != null && n > 0;
    }
}
