package org.oostkit.wrt.web.support;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The whole application on PostgreSQL (a fresh database per run), driven through MockMvc. One shared context
 * for every test extending this: keep the annotations identical.
 */
@SpringBootTest(classes = WrtApplication.class, properties = {
        "wrt.operator.api-key=" + WebIntegrationTestSupport.OPERATOR_KEY,
        "wrt.rate-limits.enabled=false"})
@AutoConfigureMockMvc
@AutoConfigureObservability
@Import({RecordingMail.class, ProbeRoutes.class})
public abstract class WebIntegrationTestSupport {

    public static final String OPERATOR_KEY = "test-operator-key-0123456789";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RecordingMail.Recorder mail;

    /** A slug nobody else in this run uses. */
    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an organisation and waits until the read side knows it. */
    protected OrganisationId register(String slug, List<String> admins, List<String> auditors) {
        OrganisationId id = OrganisationId.random();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RegisterOrganisation(id, slug, "Organisation " + slug, admins, auditors))
                .andMetaData(Actor.OPERATOR.asMetaData()));
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ?", slug);
        return id;
    }

    protected void awaitRegistry(String countQuery, Object... args) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Integer count = jdbc.queryForObject(countQuery, Integer.class, args);
            if (count != null && count > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("read side did not catch up: " + countQuery);
    }
}
