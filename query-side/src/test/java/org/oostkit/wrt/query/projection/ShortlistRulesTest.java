package org.oostkit.wrt.query.projection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.projection.ShortlistRules.Choice;
import org.oostkit.wrt.query.projection.ShortlistRules.Closed;
import org.oostkit.wrt.query.projection.ShortlistRules.Mail;
import org.oostkit.wrt.query.api.ShortlistView.SelectionMail.State;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortlist's rules as plain objects: no database. */
class ShortlistRulesTest {

    static final OrganisationId ORG = OrganisationId.random();
    static final CampaignId CAMPAIGN = CampaignId.random();
    static final CampaignId OTHER = CampaignId.random();
    static final PersonId ANN = PersonId.random();
    static final PersonId BEN = PersonId.random();
    static final PersonId CAT = PersonId.random();
    static final PersonId DAN = PersonId.random();
    static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    @DisplayName("choices keep when and by whom; taking someone off removes them; closing records the moment")
    void choices() {
        ShortlistRules rules = new ShortlistRules();
        assertThat(rules.apply(new PersonShortlisted(ORG, CAMPAIGN, BEN, "bridge"), T2, "admin:eve@x.test")).isTrue();
        rules.apply(new PersonShortlisted(ORG, CAMPAIGN, ANN, ""), T1, "admin:joe@x.test");
        rules.apply(new PersonShortlisted(ORG, OTHER, ANN, ""), T1, "admin:joe@x.test");
        assertThat(rules.choices(CAMPAIGN.value())).containsExactly(
                new Choice(CAMPAIGN.value(), ANN.value(), T1, "admin:joe@x.test", ""),
                new Choice(CAMPAIGN.value(), BEN.value(), T2, "admin:eve@x.test", "bridge"));

        rules.apply(new PersonRemovedFromShortlist(ORG, CAMPAIGN, ANN), T3, "admin:eve@x.test");
        rules.apply(new ShortlistClosed(ORG, CAMPAIGN, 1), T3, "admin:eve@x.test");
        assertThat(rules.choices(CAMPAIGN.value())).extracting(Choice::person).containsExactly(BEN.value());
        assertThat(rules.closed(CAMPAIGN.value())).contains(new Closed(CAMPAIGN.value(), T3, "admin:eve@x.test", 1));
        assertThat(rules.closed(OTHER.value())).isEmpty();
        assertThat(rules.choices(OTHER.value())).hasSize(1);
    }

    @Test
    @DisplayName("the same event twice leaves the same rows (the first choice's time and actor stay)")
    void idempotent() {
        ShortlistRules rules = new ShortlistRules();
        PersonShortlisted event = new PersonShortlisted(ORG, CAMPAIGN, ANN, "n");
        rules.apply(event, T1, "admin:joe@x.test");
        rules.apply(event, T2, "admin:joe@x.test");
        rules.apply(new ShortlistClosed(ORG, CAMPAIGN, 1), T2, "a");
        rules.apply(new ShortlistClosed(ORG, CAMPAIGN, 1), T3, "a");
        assertThat(rules.choices(CAMPAIGN.value())).containsExactly(
                new Choice(CAMPAIGN.value(), ANN.value(), T1, "admin:joe@x.test", "n"));
        assertThat(rules.closed(CAMPAIGN.value()).orElseThrow().closedAt()).isEqualTo(T2);
    }

    @Test
    @DisplayName("an erased person stays chosen (counts stay) but their note, even an empty one, reads as erased")
    void personErased() {
        ShortlistRules rules = new ShortlistRules();
        rules.apply(new PersonShortlisted(ORG, CAMPAIGN, ANN, "knows the site"), T1, "admin:joe@x.test");
        rules.apply(new PersonShortlisted(ORG, CAMPAIGN, BEN, ""), T2, "admin:joe@x.test");
        rules.apply(new PersonErased(ORG, CAMPAIGN, ANN), T3, null);
        rules.apply(new PersonErased(ORG, CAMPAIGN, BEN), T3, null);
        assertThat(rules.choices(CAMPAIGN.value())).extracting(Choice::note).containsExactly("[erased]", "[erased]");
    }

    @Test
    @DisplayName("an erased campaign leaves nothing; other events change nothing")
    void campaignErased() {
        ShortlistRules rules = new ShortlistRules();
        rules.apply(new PersonShortlisted(ORG, CAMPAIGN, ANN, ""), T1, "a");
        rules.apply(new ShortlistClosed(ORG, CAMPAIGN, 1), T1, "a");
        assertThat(rules.apply(new SeedPersonAdded(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test"), T2, "a")).isFalse();
        rules.apply(new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST), T3, "a");
        assertThat(rules.choices(CAMPAIGN.value())).isEmpty();
        assertThat(rules.closed(CAMPAIGN.value())).isEmpty();
    }

    @Test
    @DisplayName("a selection mail is asked for, then told or not (and why); the first outcome stays")
    void told() {
        ShortlistRules rules = new ShortlistRules();
        for (PersonId person : new PersonId[]{ANN, BEN, CAT, DAN}) {
            rules.apply(new PersonShortlisted(ORG, CAMPAIGN, person, ""), T1, "admin:joe@x.test");
            assertThat(rules.apply(new SelectionMailRequested(ORG, CAMPAIGN, person, "N", "n@x.test", "hi"), T2,
                    "admin:joe@x.test")).isTrue();
        }
        assertThat(rules.apply(new PersonToldOfSelection(ORG, CAMPAIGN, ANN, "<m1@wrt>"), T3, "operator")).isTrue();
        rules.apply(new SelectionMailNotSent(ORG, CAMPAIGN, BEN, "not sent: mail to this address bounced before",
                false), T3, "operator");
        rules.apply(new SelectionMailNotSent(ORG, CAMPAIGN, CAT, "the instance stopped", true), T3, "operator");
        // replayed: the first outcome and its time stay
        Instant later = T3.plusSeconds(60);
        rules.apply(new PersonToldOfSelection(ORG, CAMPAIGN, ANN, "<m1@wrt>"), later, "operator");
        rules.apply(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "N", "n@x.test", "hi"), later, "admin:joe@x.test");
        rules.apply(new SelectionMailNotSent(ORG, CAMPAIGN, ANN, "late", false), later, "operator");

        assertThat(rules.mails(CAMPAIGN.value())).containsExactlyInAnyOrder(
                new Mail(CAMPAIGN.value(), ANN.value(), T2, State.TOLD, T3, ""),
                new Mail(CAMPAIGN.value(), BEN.value(), T2, State.NOT_SENT, T3,
                        "not sent: mail to this address bounced before"),
                new Mail(CAMPAIGN.value(), CAT.value(), T2, State.UNCERTAIN, T3, "the instance stopped"),
                new Mail(CAMPAIGN.value(), DAN.value(), T2, State.SENDING, null, ""));
        assertThat(rules.mails(OTHER.value())).isEmpty();
    }

    @Test
    @DisplayName("the mail outlives the choice and the erasure of the person (only the reason goes); an erased "
            + "campaign leaves none")
    void toldAfterwards() {
        ShortlistRules rules = new ShortlistRules();
        rules.apply(new PersonShortlisted(ORG, CAMPAIGN, ANN, "why"), T1, "a");
        rules.apply(new SelectionMailRequested(ORG, CAMPAIGN, ANN, "Ann", "ann@x.test", ""), T1, "a");
        rules.apply(new PersonToldOfSelection(ORG, CAMPAIGN, ANN, "<m1@wrt>"), T2, "operator");
        rules.apply(new PersonErased(ORG, CAMPAIGN, ANN), T3, "a");
        assertThat(rules.mail(CAMPAIGN.value(), ANN.value())).contains(
                new Mail(CAMPAIGN.value(), ANN.value(), T1, State.TOLD, T2, ""));
        rules.apply(new SelectionMailRequested(ORG, CAMPAIGN, BEN, "Ben", "ben@x.test", ""), T1, "a");
        rules.apply(new SelectionMailNotSent(ORG, CAMPAIGN, BEN, "550 <ben@x.test> unknown", false), T2, "operator");
        rules.apply(new PersonErased(ORG, CAMPAIGN, BEN), T3, "a");
        assertThat(rules.mail(CAMPAIGN.value(), BEN.value())).contains(
                new Mail(CAMPAIGN.value(), BEN.value(), T1, State.NOT_SENT, T2, "[erased]"));
        rules.apply(new PersonRemovedFromShortlist(ORG, CAMPAIGN, ANN), T3, "a");
        assertThat(rules.choices(CAMPAIGN.value())).isEmpty();
        assertThat(rules.mails(CAMPAIGN.value())).extracting(Mail::person)
                .containsExactlyInAnyOrder(ANN.value(), BEN.value());

        rules.apply(new CampaignErased(ORG, CAMPAIGN, ErasureReason.ON_REQUEST), T3, "a");
        assertThat(rules.mails(CAMPAIGN.value())).isEmpty();
    }
}
