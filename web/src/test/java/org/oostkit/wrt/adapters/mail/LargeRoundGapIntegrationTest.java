package org.oostkit.wrt.adapters.mail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.tenant.TenantSchemas;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A round start of more contacts than the processors' gap window, held open at its commit while another
 * organisation's event is appended: the processors must not pass over the round's indices (with a window of
 * 20, Axon would drop all but the last 20 of them for good). Every invitation gets its mail row and its
 * contact row.
 */
@TestPropertySource(properties = {"wrt.events.max-gap-offset=20", "wrt.events.large-append=10"})
class LargeRoundGapIntegrationTest extends WebIntegrationTestSupport {

    private static final int CONTACTS = 60;
    private static final long HOLD = 0x484F4C44L;

    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("a round larger than the gap window, with a concurrent commit behind it: every invitation processed")
    void everyInvitationOfALargeRoundIsProcessed() throws Exception {
        String domain = "g" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        OrganisationId org = wrt().organisation("admin@" + domain);
        OrganisationId other = wrt().organisation("admin@other." + domain);
        Actor admin = Actor.admin("admin@" + domain);
        CampaignId campaign = CampaignId.random();
        wrt().send(new CreateCampaign(campaign, org, CampaignSettings.named("Large")), admin);
        wrt().send(new AddSeedPeople(campaign, org, IntStream.range(0, CONTACTS)
                .mapToObj(i -> new SeedRow(i + 1, "Person " + i, "p" + i + "@" + domain)).toList()), admin);
        awaitProjections();

        String trigger = "hold_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection holder = dataSource.getConnection(); Statement hold = holder.createStatement()) {
            hold.execute("SELECT pg_advisory_lock(" + HOLD + ")");
            // the round's transaction waits at its commit until the test lets it go
            jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "PERFORM pg_advisory_xact_lock(" + HOLD + "); RETURN NULL; END $$");
            jdbc.execute("CREATE CONSTRAINT TRIGGER " + trigger + " AFTER INSERT ON domainevententry "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                    + "WHEN (NEW.payloadtype = 'org.oostkit.wrt.api.round.RoundStarted') EXECUTE FUNCTION "
                    + trigger + "()");
            CompletableFuture<Object> round = CompletableFuture.supplyAsync(
                    () -> wrt().startRound(org, campaign, admin, Duration.ofDays(5)));
            await("the round's commit held").atMost(Duration.ofSeconds(60)).until(() -> waitingOn(HOLD) > 0);

            // another organisation's event, appended while the round is still open
            Actor otherAdmin = Actor.admin("admin@other." + domain);
            CompletableFuture<Object> concurrent = CompletableFuture.supplyAsync(() -> wrt().send(
                    new CreateCampaign(CampaignId.random(), other, CampaignSettings.named("Other")), otherAdmin));
            await("the other append committed or waiting").atMost(Duration.ofSeconds(60))
                    .until(() -> concurrent.isDone() || waitingOnAppend() > 0);
            // whatever is committed now, the processors have seen
            awaitProjections();

            hold.execute("SELECT pg_advisory_unlock(" + HOLD + ")");
            round.get();
            concurrent.get();
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger + " ON domainevententry");
            jdbc.execute("DROP FUNCTION IF EXISTS " + trigger + "()");
        }

        List<UUID> invitations = events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign))
                .stream().map(e -> e.invitationId().value()).toList();
        assertThat(invitations).hasSize(CONTACTS);
        String schema = TenantSchemas.schemaOf(org);
        await("every invitation has its mail and its contact row").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM mail_outbox WHERE campaign_id = ? AND purpose = 'INVITATION'",
                    campaign.value())).isEqualTo(CONTACTS);
            assertThat(count("SELECT count(*) FROM " + schema + ".contact WHERE campaign_id = ?", campaign.value()))
                    .isEqualTo(CONTACTS);
        });
        awaitProjections();
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE campaign_id = ? AND purpose = 'INVITATION'",
                campaign.value())).isEqualTo(CONTACTS);
    }

    private int waitingOn(long key) {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                + "AND ((classid::bigint << 32) | objid::bigint) = ?", key);
    }

    private int waitingOnAppend() {
        return waitingOn(0x5752544556454E54L);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
