package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.CloseShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveFromShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.ShortlistPerson;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationStatus;
import org.oostkit.wrt.domain.security.PersonIdentities;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryOrganisationDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport.InMemoryRoundDirectory;
import org.oostkit.wrt.domain.testing.FixtureSupport;

import static org.oostkit.wrt.domain.testing.FixtureSupport.T0;
import static org.oostkit.wrt.domain.testing.FixtureSupport.violation;

@DisplayName("Campaign: the workshop shortlist")
class ShortlistTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();
    private static final PersonId ANN = IDENTITIES.personId(CAMPAIGN, "ann@x.test");
    private static final PersonId BEN = IDENTITIES.personId(CAMPAIGN, "ben@x.test");

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory().with(ORG, OrganisationStatus.ACTIVE));
        fixture.registerInjectableResource(new InMemoryRoundDirectory());
        fixture.registerInjectableResource(IDENTITIES);
        fixture.givenCurrentTime(T0);
    }

    private static CampaignCreated created() {
        return new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030"));
    }

    private static SeedPersonAdded ann() {
        return new SeedPersonAdded(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test");
    }

    private static SeedPersonAdded ben() {
        return new SeedPersonAdded(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test");
    }

    @Test
    @DisplayName("an admin chooses a person of the roster, with the note cleaned by the text rule")
    void chooses() {
        fixture.given(created(), ann())
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, "  Knows both unions\r\nand the board  "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonShortlisted(ORG, CAMPAIGN, ANN, "Knows both unions\nand the board"));
    }

    @Test
    @DisplayName("the note is optional; choosing also works once the campaign is completed")
    void afterCompletion() {
        fixture.given(created(), ann(), new CampaignCompleted(ORG, CAMPAIGN))
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, null))
                .expectEvents(new PersonShortlisted(ORG, CAMPAIGN, ANN, ""));
    }

    @Test
    @DisplayName("a person is chosen once")
    void twice() {
        fixture.given(created(), ann(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""))
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, "again"))
                .expectException(violation(Rule.ALREADY_SHORTLISTED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("someone not in the roster cannot be chosen (never there, or removed again)")
    void notInRoster() {
        fixture.given(created(), ann())
                .when(new ShortlistPerson(CAMPAIGN, ORG, BEN, ""))
                .expectException(NotFound.class)
                .expectNoEvents();
        fixture.given(created(), ben(), new SeedPersonRemoved(ORG, CAMPAIGN, BEN))
                .when(new ShortlistPerson(CAMPAIGN, ORG, BEN, ""))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("an erased person cannot be chosen")
    void erasedPerson() {
        fixture.given(created(), ann(), new PersonErased(ORG, CAMPAIGN, ANN))
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, ""))
                .expectException(violation(Rule.PERSON_ERASED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a note with a control character is refused")
    void badNote() {
        fixture.given(created(), ann())
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, "bad\u0007note"))
                .expectException(violation(Rule.NOTE_INVALID))
                .expectNoEvents();
        fixture.given(created(), ann())
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, "x".repeat(1_001)))
                .expectException(violation(Rule.NOTE_INVALID))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a chosen person can be taken off again; someone not chosen cannot")
    void removes() {
        fixture.given(created(), ann(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""))
                .when(new RemoveFromShortlist(CAMPAIGN, ORG, ANN))
                .expectEvents(new PersonRemovedFromShortlist(ORG, CAMPAIGN, ANN));
        fixture.given(created(), ann(), ben(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""),
                        new PersonRemovedFromShortlist(ORG, CAMPAIGN, ANN))
                .when(new RemoveFromShortlist(CAMPAIGN, ORG, ANN))
                .expectException(violation(Rule.NOT_SHORTLISTED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the shortlist closes as final with someone on it, once")
    void closes() {
        fixture.given(created(), ann(), ben(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""),
                        new PersonShortlisted(ORG, CAMPAIGN, BEN, ""), new PersonRemovedFromShortlist(ORG, CAMPAIGN, BEN))
                .when(new CloseShortlist(CAMPAIGN, ORG))
                .expectEvents(new ShortlistClosed(ORG, CAMPAIGN, 1));
        fixture.given(created(), ann())
                .when(new CloseShortlist(CAMPAIGN, ORG))
                .expectException(violation(Rule.SHORTLIST_EMPTY))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a closed shortlist refuses every change")
    void closedRefuses() {
        fixture.given(created(), ann(), ben(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""),
                        new ShortlistClosed(ORG, CAMPAIGN, 1))
                .when(new ShortlistPerson(CAMPAIGN, ORG, BEN, ""))
                .expectException(violation(Rule.SHORTLIST_CLOSED))
                .expectNoEvents();
        fixture.given(created(), ann(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""),
                        new ShortlistClosed(ORG, CAMPAIGN, 1))
                .when(new RemoveFromShortlist(CAMPAIGN, ORG, ANN))
                .expectException(violation(Rule.SHORTLIST_CLOSED))
                .expectNoEvents();
        fixture.given(created(), ann(), new PersonShortlisted(ORG, CAMPAIGN, ANN, ""),
                        new ShortlistClosed(ORG, CAMPAIGN, 1))
                .when(new CloseShortlist(CAMPAIGN, ORG))
                .expectException(violation(Rule.SHORTLIST_CLOSED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("another organisation's admin finds no campaign; an erased campaign takes no choice")
    void tenantAndErasure() {
        fixture.given(created(), ann())
                .when(new ShortlistPerson(CAMPAIGN, OrganisationId.random(), ANN, ""))
                .expectException(NotFound.class)
                .expectNoEvents();
        fixture.given(created(), ann(), new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST))
                .when(new ShortlistPerson(CAMPAIGN, ORG, ANN, ""))
                .expectException(violation(Rule.CAMPAIGN_ERASED))
                .expectNoEvents();
    }
}
