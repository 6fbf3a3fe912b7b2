package org.oostkit.wrt.domain.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailSent;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.oostkit.wrt.testing.Wrt;
import org.oostkit.wrt.testing.WrtTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances (application contexts with their own command buses and aggregate caches) on one event store,
 * no command routing, writing the same invitation in turn: each decision is taken on what the other recorded,
 * not on what its own cache held, with the cache on (the default).
 */
class AggregateCacheTwoInstancesIntegrationTest extends IntegrationTestSupport {

    @Autowired
    Cache aggregateCache;

    private ConfigurableApplicationContext other;

    @AfterEach
    void closeOther() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void eachInstanceDecidesOnWhatTheOtherRecorded() {
        other = new SpringApplicationBuilder(WrtTestApplication.class).web(WebApplicationType.NONE)
                .run("--spring.main.banner-mode=off", "--spring.datasource.hikari.maximum-pool-size=3");
        Wrt here = wrt();
        Wrt there = new Wrt(other.getBean(CommandGateway.class));
        assertThat(aggregateCache).isInstanceOf(VersionCheckedCache.class);
        long staleBefore = ((VersionCheckedCache) aggregateCache).staleEntries();

        Actor admin = Actor.admin("cache@two.test");
        OrganisationId org = here.organisation("cache@two.test");
        CampaignId campaign = here.campaign(org, admin, "Ada", "ada@two.test");
        // the round start creates the invitation here, and this instance's cache keeps it
        RoundId round = here.startRound(org, campaign, admin, Duration.ofDays(3));
        ContactInvited ada = events().payloads(ContactInvited.class, e -> e.roundId().equals(round)).get(0);

        // there: the mail's sending instance died mid-hand-over
        there.send(new RecordMailUncertain(ada.invitationId(), org, MailPurpose.INVITATION, null));
        // here: the admin sends it again; a stale entry would answer "still on its way"
        here.send(new SendInvitationAgain(ada.invitationId(), org), admin);
        assertThat(events().payloads(InvitationResendRequested.class,
                e -> e.invitationId().equals(ada.invitationId()))).hasSize(1);
        // there: the mail went out this time (its own entry, from before the resend, is not used either)
        there.send(new RecordMailSent(ada.invitationId(), org, MailPurpose.INVITATION, "<m1@two.test>", null));
        // here: it is not in doubt any more, whatever this instance saw last
        assertThatThrownBy(() -> here.send(new SendInvitationAgain(ada.invitationId(), org), admin))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("was sent");

        assertThat(((VersionCheckedCache) aggregateCache).staleEntries()).isGreaterThan(staleBefore);
        assertThat(((VersionCheckedCache) other.getBean(Cache.class)).staleEntries()).isPositive();
    }
}
