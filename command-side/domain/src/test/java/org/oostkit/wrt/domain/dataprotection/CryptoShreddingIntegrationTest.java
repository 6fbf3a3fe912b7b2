package org.oostkit.wrt.domain.dataprotection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Destroying keys erases personal data wherever events are read, and nothing breaks. */
class CryptoShreddingIntegrationTest extends IntegrationTestSupport {

    @Autowired
    DataKeyStore keys;

    private final Actor admin = Actor.admin("keys@shred.test");

    @Test
    @DisplayName("destroying a campaign's keys makes every name and email of it read as erased")
    void eraseCampaign() {
        OrganisationId org = wrt().organisation("keys@shred.test");
        CampaignId campaign = wrt().campaign(org, admin, "Quinn", "quinn@shred.test", "Rae", "rae@shred.test");
        CampaignId other = wrt().campaign(org, admin, "Sam", "sam@shred.test");
        wrt().startRound(org, campaign, admin, Duration.ofDays(2));
        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(campaign)))
                .extracting(SeedPersonAdded::email).containsExactlyInAnyOrder("quinn@shred.test", "rae@shred.test");

        keys.destroyScope(campaign.value());

        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(campaign)))
                .hasSize(2).allSatisfy(e -> {
                    assertThat(e.name()).isEqualTo(PersonalData.ERASED);
                    assertThat(e.email()).isEqualTo(PersonalData.ERASED);
                });
        assertThat(events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign)))
                .hasSize(2).allSatisfy(e -> assertThat(e.email()).isEqualTo(PersonalData.ERASED));
        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(other)))
                .extracting(SeedPersonAdded::email).containsExactly("sam@shred.test");
        // the aggregate still loads and takes commands
        wrt().send(new ChangeCampaignDetails(campaign, org, CampaignSettings.named("Renamed")), admin);
    }

    @Test
    @DisplayName("destroying one person's key erases only that person")
    void erasePerson() {
        OrganisationId org = wrt().organisation("keys@shred.test");
        CampaignId campaign = wrt().campaign(org, admin, "Tara", "tara@shred.test", "Uma", "uma@shred.test");
        SeedPersonAdded tara = events().payloads(SeedPersonAdded.class,
                e -> e.campaignId().equals(campaign) && e.email().equals("tara@shred.test")).get(0);

        keys.destroySubject(campaign.value(), tara.personId().value());

        assertThat(events().payloads(SeedPersonAdded.class, e -> e.campaignId().equals(campaign)))
                .extracting(SeedPersonAdded::name).containsExactlyInAnyOrder(PersonalData.ERASED, "Uma");
        // a round still starts: the erased person is contacted under their id, with no readable address
        wrt().send(new StartRound(campaign, org, RoundId.random(), Instant.now().plus(Duration.ofDays(1)), false, 0),
                admin);
        assertThat(events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign)))
                .extracting(ContactInvited::email).containsExactlyInAnyOrder(PersonalData.ERASED, "uma@shred.test");
    }

    @Test
    @DisplayName("text that merely looks sealed, outside personal data, is kept as it was typed")
    void lookalikeTextIsNotDecrypted() {
        OrganisationId org = wrt().organisation("keys@shred.test");
        CampaignId campaign = wrt().campaign(org, admin, "Wil", "wil@shred.test");
        String lookalike = "wrt:v1:not-a-uuid:x:y";
        wrt().send(new ChangeCampaignDetails(campaign, org, new CampaignSettings("Looks sealed", lookalike, 2, 14,
                true, 3, "wrt:v1:" + campaign + ":" + campaign + ":AAAA")), admin);
        assertThat(events().payloads(org.oostkit.wrt.api.campaign.CampaignDetailsChanged.class,
                e -> e.campaignId().equals(campaign))).singleElement().satisfies(e -> {
                    assertThat(e.settings().description()).isEqualTo(lookalike);
                    assertThat(e.settings().invitationText()).startsWith("wrt:v1:").endsWith(":AAAA");
                });
        // and the aggregate still loads
        wrt().send(new ChangeCampaignDetails(campaign, org, CampaignSettings.named("Fine")), admin);
    }

    @Test
    @DisplayName("the keys are stored wrapped: no key table row holds a usable raw key")
    void keysAreWrapped() {
        OrganisationId org = wrt().organisation("keys@shred.test");
        CampaignId campaign = wrt().campaign(org, admin, "Vic", "vic@shred.test");
        Integer length = jdbc.queryForObject("SELECT min(length(wrapped_key)) FROM data_protection_key "
                + "WHERE scope_id = ?", Integer.class, campaign.value());
        assertThat(length).isEqualTo(12 + 32 + 16); // IV + AES-256 key + GCM tag
    }
}
