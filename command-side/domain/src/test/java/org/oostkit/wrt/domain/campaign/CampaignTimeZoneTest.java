package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignTimeZone;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.organisation.OrganisationId;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign time zone")
class CampaignTimeZoneTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final CampaignCreated CREATED = new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board"));

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    @DisplayName("a campaign gets a zone of its own, canonically spelled")
    void overrides() {
        fixture.given(CREATED)
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, "asia/kolkata"))
                .expectEvents(new CampaignTimeZoneChanged(ORG, CAMPAIGN, "Asia/Kolkata"));
    }

    @ParameterizedTest(name = "\"{0}\" makes the campaign follow its organisation again")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void followsOrganisationAgain(String zone) {
        fixture.given(CREATED, new CampaignTimeZoneChanged(ORG, CAMPAIGN, "Asia/Kolkata"))
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, zone))
                .expectEvents(new CampaignTimeZoneChanged(ORG, CAMPAIGN, null));
    }

    @Test
    @DisplayName("following the organisation while it already does changes nothing")
    void alreadyFollowing() {
        fixture.given(CREATED)
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, ""))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("the same zone again changes nothing")
    void unchanged() {
        fixture.given(CREATED, new CampaignTimeZoneChanged(ORG, CAMPAIGN, "America/New_York"))
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, "America/New_York"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "the zone \"{0}\" is refused")
    @ValueSource(strings = {"Moon/Base", "+05:30", "EST5"})
    void invalidZoneIsRefused(String zone) {
        fixture.given(CREATED)
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, zone))
                .expectNoEvents()
                .expectException(violation(Rule.TIME_ZONE_INVALID));
    }

    @Test
    @DisplayName("a completed campaign may still change its zone: only how its times read changes")
    void completedCampaign() {
        fixture.given(CREATED, new CampaignCompleted(ORG, CAMPAIGN))
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, "Europe/Lisbon"))
                .expectEvents(new CampaignTimeZoneChanged(ORG, CAMPAIGN, "Europe/Lisbon"));
    }

    @Test
    @DisplayName("an erased campaign takes no zone")
    void erasedCampaign() {
        fixture.given(CREATED, new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                .when(new ChangeCampaignTimeZone(CAMPAIGN, ORG, "Europe/Lisbon"))
                .expectNoEvents()
                .expectException(violation(Rule.CAMPAIGN_ERASED));
    }

    @Test
    @DisplayName("another organisation's campaign is not found")
    void otherTenant() {
        fixture.given(CREATED)
                .when(new ChangeCampaignTimeZone(CAMPAIGN, OrganisationId.random(), "Europe/Lisbon"))
                .expectNoEvents()
                .expectException(violation(Rule.NOT_FOUND));
    }
}
