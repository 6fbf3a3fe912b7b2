package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.RecordSelectionMail;
import org.oostkit.wrt.api.campaign.CampaignCommands.TellTheChosen;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
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

@DisplayName("Campaign: telling the chosen")
class TellTheChosenTest {

    private static final OrganisationId ORG = OrganisationId.random();
    private static final CampaignId CAMPAIGN = CampaignId.random();
    private static final PersonIdentities IDENTITIES = FixtureSupport.identities();
    private static final PersonId ANN = IDENTITIES.personId(CAMPAIGN, "ann@x.test");
    private static final PersonId BEN = IDENTITIES.personId(CAMPAIGN, "ben@x.test");
    private static final PersonId CAT = IDENTITIES.personId(CAMPAIGN, "cat@x.test");

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory().with(ORG, OrganisationStatus.ACTIVE));
        fixture.registerInjectableResource(new InMemoryRoundDirectory());
        fixture.registerInjectableResource(IDENTITIES);
        fixture.givenCurrentTime(T0);
    }

    private static Object[] roster() {
        return new Object[] {
            new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030")),
            new SeedPersonAdded(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test"),
            new SeedPersonAdded(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test"),
            new SeedPersonAdded(ORG, CAMPAIGN, CAT, "Cat", "cat@x.test"),
            new PersonShortlisted(ORG, CAMPAIGN, ANN, ""),
            new PersonShortlisted(ORG, CAMPAIGN, BEN, "")
        };
    }

    private static Object[] with(Object... more) {
        Object[] base = roster();
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    @DisplayName("one selection mail is asked for per shortlisted person, and nobody else, with the cleaned message")
    void tellsEachChosenOnce() {
        fixture.given(roster())
                .when(new TellTheChosen(CAMPAIGN, ORG, "  See you\r\non the 12th  "))
                .expectResultMessagePayload(2)
                .expectEvents(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", "See you\non the 12th"),
                        new SelectionMailRequested(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test", "See you\non the 12th"));
    }

    @Test
    @DisplayName("telling again asks only for those not told yet; with nobody new it is refused")
    void again() {
        fixture.given(with(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", ""),
                        new PersonShortlisted(ORG, CAMPAIGN, CAT, "")))
                .when(new TellTheChosen(CAMPAIGN, ORG, null))
                .expectEvents(new SelectionMailRequested(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test", ""),
                        new SelectionMailRequested(ORG, CAMPAIGN, CAT, "Cat", "cat@x.test", ""));
        fixture.given(with(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", ""),
                        new SelectionMailRequested(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test", "")))
                .when(new TellTheChosen(CAMPAIGN, ORG, ""))
                .expectException(violation(Rule.NOBODY_TO_TELL))
                .expectNoEvents();
    }

    @Test
    @DisplayName("erased people are skipped; a closed shortlist can still be told")
    void erasedSkipped() {
        fixture.given(with(new PersonErased(ORG, CAMPAIGN, ANN), new ShortlistClosed(ORG, CAMPAIGN, 2)))
                .when(new TellTheChosen(CAMPAIGN, ORG, ""))
                .expectEvents(new SelectionMailRequested(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test", ""));
    }

    @Test
    @DisplayName("an empty shortlist, a bad message, another organisation or an erased campaign are refused")
    void refused() {
        fixture.given(new CampaignCreated(ORG, CAMPAIGN, CampaignSettings.named("Board 2030")))
                .when(new TellTheChosen(CAMPAIGN, ORG, ""))
                .expectException(violation(Rule.NOBODY_TO_TELL));
        fixture.given(roster())
                .when(new TellTheChosen(CAMPAIGN, ORG, "bad\u0007text"))
                .expectException(violation(Rule.MESSAGE_INVALID))
                .expectNoEvents();
        fixture.given(roster())
                .when(new TellTheChosen(CAMPAIGN, OrganisationId.random(), ""))
                .expectException(NotFound.class);
        fixture.given(with(new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST)))
                .when(new TellTheChosen(CAMPAIGN, ORG, ""))
                .expectException(violation(Rule.CAMPAIGN_ERASED));
    }

    @Test
    @DisplayName("the outcome of a person's selection mail is recorded once; records for nobody asked are ignored")
    void recordsOnce() {
        Object requested = new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", "");
        fixture.given(with(requested))
                .when(new RecordSelectionMail(CAMPAIGN, ORG, ANN, "<m1@wrt>", null, false))
                .expectEvents(new PersonToldOfSelection(ORG, CAMPAIGN, ANN, "<m1@wrt>"));
        fixture.given(with(requested, new PersonToldOfSelection(ORG, CAMPAIGN, ANN, "<m1@wrt>")))
                .when(new RecordSelectionMail(CAMPAIGN, ORG, ANN, "<m1@wrt>", null, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(with(requested))
                .when(new RecordSelectionMail(CAMPAIGN, ORG, ANN, null, "bounced before", false))
                .expectEvents(new SelectionMailNotSent(ORG, CAMPAIGN, ANN, "bounced before", false));
        fixture.given(roster())
                .when(new RecordSelectionMail(CAMPAIGN, ORG, BEN, "<m2@wrt>", null, false))
                .expectNoEvents();
    }
}
