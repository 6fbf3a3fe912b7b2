package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSenderChanged;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.organisation.OrganisationId;

import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign: who the mail comes from")
class CampaignSenderTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final CampaignSender SENDER =
            new CampaignSender("Youth council", "team@city.example", "Ada Lovelace", "ada@city.example");

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    private static CampaignCreated created() {
        return new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030"));
    }

    @Test
    @DisplayName("the sender is recorded cleaned: names stripped, addresses normalised")
    void records() {
        fixture.given(created())
                .when(new ChangeCampaignSender(CAMPAIGN, ORG,
                        new CampaignSender("  Youth council ", " Team@City.example", "Ada Lovelace ", "ADA@city.example")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CampaignSenderChanged(ORG, CAMPAIGN, SENDER));
    }

    @Test
    @DisplayName("the same sender again records nothing; clearing it records the empty sender")
    void unchangedAndCleared() {
        fixture.given(created(), new CampaignSenderChanged(ORG, CAMPAIGN, SENDER))
                .when(new ChangeCampaignSender(CAMPAIGN, ORG, SENDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(), new CampaignSenderChanged(ORG, CAMPAIGN, SENDER))
                .when(new ChangeCampaignSender(CAMPAIGN, ORG, new CampaignSender(null, "", " ", null)))
                .expectEvents(new CampaignSenderChanged(ORG, CAMPAIGN, CampaignSender.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SENDER_NAME_INVALID   | Youth\\ncouncil | team@city.example | Ada | ada@city.example",
            "REPLY_TO_INVALID      | Youth council  | not an address    | Ada | ada@city.example",
            "REPLY_TO_INVALID      | Youth council  | team@city         | Ada | ada@city.example",
            "CONTACT_EMAIL_INVALID | Youth council  | team@city.example | Ada | ada@@city.example",
            "CONTACT_NAME_INVALID  | Youth council  | team@city.example | A\u202Eda | ada@city.example",
            "CONTACT_EMAIL_MISSING | Youth council  | team@city.example | Ada | ''",
    })
    @DisplayName("invalid parts are refused with a rule each")
    void refused(Rule rule, String name, String replyTo, String contactName, String contactEmail) {
        fixture.given(created())
                .when(new ChangeCampaignSender(CAMPAIGN, ORG,
                        new CampaignSender(name.replace("\\n", "\n"), replyTo, contactName, contactEmail)))
                .expectException(violation(rule))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a sender name longer than 100 characters is refused")
    void tooLong() {
        fixture.given(created())
                .when(new ChangeCampaignSender(CAMPAIGN, ORG, new CampaignSender("x".repeat(101), "", "", "")))
                .expectException(violation(Rule.SENDER_NAME_INVALID));
    }

    @Test
    @DisplayName("another organisation cannot change it, and a completed campaign changes no more")
    void tenantAndCompleted() {
        fixture.given(created())
                .when(new ChangeCampaignSender(CAMPAIGN, OrganisationId.random(), SENDER))
                .expectException(NotFound.class);
        fixture.given(created(), new CampaignCompleted(ORG, CAMPAIGN))
                .when(new ChangeCampaignSender(CAMPAIGN, ORG, SENDER))
                .expectException(violation(Rule.CAMPAIGN_COMPLETED));
    }
}
