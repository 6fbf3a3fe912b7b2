package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignLanguageChanged;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.organisation.OrganisationId;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign language")
class CampaignLanguageTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final CampaignCreated CREATED = new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board"));

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @ParameterizedTest(name = "\"{0}\" is chosen")
    @ValueSource(strings = {"nl", "de", "fr", " NL "})
    void chooses(String language) {
        fixture.given(CREATED)
                .when(new ChangeCampaignLanguage(CAMPAIGN, ORG, language))
                .expectEvents(new CampaignLanguageChanged(ORG, CAMPAIGN, language.strip().toLowerCase()));
    }

    @Test
    @DisplayName("English again after Dutch is recorded; English on a new campaign changes nothing")
    void backToEnglish() {
        fixture.given(CREATED, new CampaignLanguageChanged(ORG, CAMPAIGN, "nl"))
                .when(new ChangeCampaignLanguage(CAMPAIGN, ORG, "en"))
                .expectEvents(new CampaignLanguageChanged(ORG, CAMPAIGN, "en"));
        fixture.given(CREATED)
                .when(new ChangeCampaignLanguage(CAMPAIGN, ORG, "en"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "the language \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"es", "nl-BE", "dutch", "e n"})
    void unsupportedIsRefused(String language) {
        fixture.given(CREATED)
                .when(new ChangeCampaignLanguage(CAMPAIGN, ORG, language))
                .expectNoEvents()
                .expectException(violation(Rule.LANGUAGE_UNSUPPORTED));
    }

    @Test
    @DisplayName("a completed campaign keeps its language")
    void completed() {
        fixture.given(CREATED, new CampaignCompleted(ORG, CAMPAIGN))
                .when(new ChangeCampaignLanguage(CAMPAIGN, ORG, "nl"))
                .expectNoEvents()
                .expectException(RuntimeException.class);
    }

    @Test
    @DisplayName("another organisation's campaign is not found")
    void otherTenant() {
        fixture.given(CREATED)
                .when(new ChangeCampaignLanguage(CAMPAIGN, OrganisationId.random(), "nl"))
                .expectNoEvents()
                .expectException(violation(Rule.NOT_FOUND));
    }
}
