package org.oostkit.wrt.domain.audit;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;
import org.oostkit.wrt.api.audit.AuditQueries.AuditFilter;
import org.oostkit.wrt.api.audit.AuditQueries.AuditTrailPage;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditEventTypes;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditTrail;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationCommands.RecordMailUncertain;
import org.oostkit.wrt.api.invitation.InvitationCommands.SendInvitationAgain;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.domain.dataprotection.DataKeyStore;
import org.oostkit.wrt.domain.integrity.IntegrityVerifier;
import org.oostkit.wrt.testing.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailIntegrationTest extends IntegrationTestSupport {

    @Autowired
    QueryGateway queries;
    @Autowired
    DataKeyStore keys;
    @Autowired
    IntegrityVerifier verifier;

    private final Actor admin = Actor.admin("Auditee@Trail.test");

    private AuditTrailPage page(OrganisationId org, CampaignId campaign, AuditFilter filter, Long after, Long before,
                                int limit) {
        return queries.query(new FindAuditTrail(org, campaign, filter, after, before, limit), AuditTrailPage.class).join();
    }

    private List<AuditEntry> all(OrganisationId org, CampaignId campaign, AuditFilter filter) {
        return page(org, campaign, filter, null, null, FindAuditTrail.MAX_LIMIT).entries();
    }

    @Test
    @DisplayName("the trail lists every event of the campaign, its round and invitations in global order, page by page both ways")
    void paging() {
        OrganisationId org = wrt().organisation("auditee@trail.test");
        CampaignId campaign = wrt().campaign(org, admin, "Ada Lovelace", "ada@trail.test", "Ben", "ben@trail.test",
                "Cy", "cy@trail.test", "Di", "di@trail.test");
        CampaignId other = wrt().campaign(org, admin, "Ed", "ed@trail.test");
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));

        List<AuditEntry> everything = all(org, campaign, AuditFilter.NONE);
        assertThat(everything).extracting(AuditEntry::globalIndex).isSorted().doesNotHaveDuplicates();
        assertThat(everything.size()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE campaign_id = ?", Integer.class, campaign.value()));
        assertThat(everything).extracting(AuditEntry::eventType)
                .contains("CampaignCreated", "SeedPersonAdded", "RoundStarted", "RoundDeadlinesScheduled",
                        "PeopleContacted", "ContactInvited")
                .doesNotContain("OrganisationRegistered");
        assertThat(everything).allSatisfy(e -> assertThat(e.actor()).isEqualTo("admin:auditee@trail.test"));
        assertThat(everything).filteredOn(e -> e.eventType().equals("SeedPersonAdded")).extracting(AuditEntry::summary)
                .contains("Seed person added: Ada Lovelace <ada@trail.test>");
        assertThat(everything).filteredOn(e -> e.summary().equals("Seed person added: Ada Lovelace <ada@trail.test>"))
                .singleElement().satisfies(e -> {
                    assertThat(e.summaryKey()).isEqualTo("audit.SeedPersonAdded");
                    assertThat(e.summaryValues()).containsExactly("Ada Lovelace <ada@trail.test>");
                });
        assertThat(everything).filteredOn(e -> e.eventType().equals("RoundStarted")).singleElement()
                .satisfies(e -> {
                    assertThat(e.summary()).startsWith("Round 1 started with 4 invitations, deadline ");
                    assertThat(e.summaryKey()).isEqualTo("audit.RoundStarted.noReminder");
                    assertThat(e.summaryValues()).startsWith(1, 4).hasSize(3);
                });

        List<AuditEntry> forwards = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        AuditTrailPage current = page(org, campaign, AuditFilter.NONE, null, null, 3);
        assertThat(current.previousBefore()).isNull();
        forwards.addAll(current.entries());
        while (current.nextAfter() != null) {
            cursors.add(current.nextAfter());
            current = page(org, campaign, AuditFilter.NONE, current.nextAfter(), null, 3);
            assertThat(current.entries()).hasSizeBetween(1, 3);
            forwards.addAll(current.entries());
        }
        assertThat(forwards).isEqualTo(everything);

        // back from the last page to the first
        List<AuditEntry> backwards = new ArrayList<>(current.entries());
        while (current.previousBefore() != null) {
            current = page(org, campaign, AuditFilter.NONE, null, current.previousBefore(), 3);
            backwards.addAll(0, current.entries());
        }
        assertThat(backwards).isEqualTo(everything);

        assertThat(all(org, other, AuditFilter.NONE)).extracting(AuditEntry::eventType)
                .containsExactly("CampaignCreated", "SeedPersonAdded");
        OrganisationId stranger = wrt().organisation("stranger@trail.test");
        assertThat(all(stranger, campaign, AuditFilter.NONE)).isEmpty();
        assertThat(queries.query(new FindAuditEventTypes(org, campaign), ResponseTypes.multipleInstancesOf(String.class))
                .join()).contains("CampaignCreated", "ContactInvited", "SeedPersonAdded").isSorted();
    }

    @Test
    @DisplayName("a mail in doubt and the admin's decision to send it again are in the trail, with who decided")
    void sentAgain() {
        OrganisationId org = wrt().organisation("auditee@trail.test");
        CampaignId campaign = wrt().campaign(org, admin, "Gil", "gil@trail.test");
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        InvitationId gil = events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign)).get(0)
                .invitationId();
        wrt().send(new RecordMailUncertain(gil, org, MailPurpose.INVITATION, null));
        wrt().send(new SendInvitationAgain(gil, org), admin);

        assertThat(all(org, campaign, new AuditFilter("MailOutcomeUncertain", null, null, null))).singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo(
                        "Invitation mail may or may not have gone out (its sender stopped)"));
        assertThat(all(org, campaign, new AuditFilter("InvitationResendRequested", null, null, null))).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("admin:auditee@trail.test");
                    assertThat(e.summary()).isEqualTo("Invitation mail sent again with a new link");
                });
    }

    @Test
    @DisplayName("filters by type, actor (the decrypted admin address too) and time range")
    void filters() throws Exception {
        OrganisationId org = wrt().organisation("auditee@trail.test");
        CampaignId campaign = wrt().campaign(org, admin, "Fay", "fay@trail.test", "Gus", "gus@trail.test");
        Instant middle = aMomentAfter(Instant.now());
        aMomentAfter(middle);
        wrt().send(new AddSeedPeople(campaign, org, List.of(new SeedRow(1, "Hal", "hal@trail.test"))), Actor.OPERATOR);

        assertThat(all(org, campaign, new AuditFilter("SeedPersonAdded", null, null, null)))
                .extracting(AuditEntry::eventType).containsExactly("SeedPersonAdded", "SeedPersonAdded", "SeedPersonAdded");
        assertThat(all(org, campaign, new AuditFilter(null, "AUDITEE@trail", null, null))).hasSize(3);
        assertThat(all(org, campaign, new AuditFilter(null, "operator", null, null))).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("Hal <hal@trail.test>"));
        assertThat(all(org, campaign, new AuditFilter(null, "nobody", null, null))).isEmpty();
        assertThat(all(org, campaign, new AuditFilter(null, null, middle, null))).extracting(AuditEntry::actor)
                .containsExactly("operator");
        assertThat(all(org, campaign, new AuditFilter(null, null, null, middle))).hasSize(3);
        assertThat(all(org, campaign, new AuditFilter("Nope'; DROP TABLE x", null, null, null))).isEmpty();
    }

    @Test
    @DisplayName("after the campaign's keys are destroyed the trail still lists every event, personal data erased")
    void erased() {
        OrganisationId org = wrt().organisation("auditee@trail.test");
        CampaignId campaign = wrt().campaign(org, admin, "Ivy", "ivy@trail.test");
        int before = all(org, campaign, AuditFilter.NONE).size();
        keys.destroyScope(campaign.value());
        List<AuditEntry> after = all(org, campaign, AuditFilter.NONE);
        assertThat(after).hasSize(before);
        assertThat(after).filteredOn(e -> e.eventType().equals("SeedPersonAdded")).singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo("Seed person added: " + PersonalData.ERASED + " <"
                        + PersonalData.ERASED + ">").doesNotContain("ivy"))
                .satisfies(e -> assertThat(e.summaryValues()).containsExactly(
                        PersonalData.ERASED + " <" + PersonalData.ERASED + ">"));
    }

    @Test
    @DisplayName("a page names its nominators by name and address from their invitations while the keys exist")
    void nominatorsByName() {
        OrganisationId org = wrt().organisation("auditee@trail.test");
        CampaignId campaign = wrt().campaign(org, admin, "Jo Nominator", "jo@trail.test", "Kim", "kim@trail.test");
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        List<ContactInvited> invited = events().payloads(ContactInvited.class, e -> e.campaignId().equals(campaign));
        ContactInvited jo = invited.stream().filter(e -> e.name().equals("Jo Nominator")).findFirst().orElseThrow();
        wrt().send(new RecordLinkOpened(jo.invitationId(), org), Actor.nominator(jo.invitationId()));

        AuditTrailPage page = page(org, campaign, AuditFilter.NONE, null, null, FindAuditTrail.MAX_LIMIT);
        String actor = "nominator:" + jo.invitationId();
        assertThat(page.entries()).extracting(AuditEntry::actor).contains(actor);
        assertThat(page.nominators()).containsExactly(java.util.Map.entry(actor, "Jo Nominator <jo@trail.test>"));

        keys.destroyScope(campaign.value());
        assertThat(page(org, campaign, AuditFilter.NONE, null, null, FindAuditTrail.MAX_LIMIT).nominators()).isEmpty();
    }

    @Test
    @DisplayName("a page of a long history is one index range scan (measured on a few thousand events)")
    void longHistory() {
        OrganisationId org = wrt().organisation("auditee@trail.test");
        CampaignId campaign = CampaignId.random();
        wrt().send(new CreateCampaign(campaign, org, CampaignSettings.named("Long")), admin);
        wrt().send(new AddSeedPeople(campaign, org, IntStream.range(0, 1_000)
                .mapToObj(i -> new SeedRow(i + 1, "Person " + i, "p" + i + "@long.test")).toList()), admin);
        wrt().startRound(org, campaign, admin, Duration.ofDays(3));
        int events = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE campaign_id = ?", Integer.class,
                campaign.value());
        assertThat(events).isGreaterThan(2_000);
        jdbc.execute("ANALYZE domainevententry");

        AuditTrailPage first = page(org, campaign, AuditFilter.NONE, null, null, 50);
        long middle = first.nextAfter() + events / 2;
        long started = System.nanoTime();
        AuditTrailPage deep = page(org, campaign, AuditFilter.NONE, middle, null, 50);
        long micros = (System.nanoTime() - started) / 1_000;
        assertThat(deep.entries()).hasSize(50);
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN SELECT globalindex FROM domainevententry "
                + "WHERE campaign_id = '" + campaign.value() + "' AND globalindex > " + middle
                + " ORDER BY globalindex LIMIT 501", String.class));
        System.out.printf("audit trail: %d events in the campaign, a page of 50 from the middle in %d µs%n%s%n",
                events, micros, plan);
        // which index depends on how much of the store the campaign is; never a scan of the table, never a sort
        assertThat(plan).contains("Index").doesNotContain("Seq Scan").doesNotContain("Sort");
        assertThat(micros).isLessThan(2_000_000);

        started = System.nanoTime();
        IntegrityReport report = verifier.campaign(org.value(), campaign.value());
        long verifyMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(events);
        System.out.printf("integrity: %d events in %d aggregates verified in %d ms%n", report.eventsChecked(),
                report.aggregatesChecked(), verifyMillis);
    }

    /** The clock a few milliseconds past {@code after}, so events before and after it have distinct times. */
    private static Instant aMomentAfter(Instant after) {
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().isAfter(after.plusMillis(4)));
        return Instant.now();
    }
}
