package org.oostkit.wrt.adapters.mail;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignCommands.ShortlistPerson;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.awaitility.Awaitility;
import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.query.api.CampaignQueries.FindRoster;
import org.oostkit.wrt.query.api.PersonView;
import org.oostkit.wrt.query.api.RosterView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oostkit.wrt.adapters.mail.SmtpServer.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Tell the chosen" end to end on PostgreSQL and a real SMTP server: every shortlisted person gets exactly one
 * selection mail even when the admin presses twice, later presses mail only the newly chosen, and nobody else
 * (not chosen, erased, suppressed) gets one.
 */
class SelectionMailIntegrationTest extends MailIntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    QueryGateway queries;

    @Test
    @DisplayName("the selection mail goes once per person, through the outbox, recorded per person")
    void oncePerPerson() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        Actor actor = Actor.admin(admin);
        String ann = "ann@" + domain, ben = "ben@" + domain, cat = "cat@" + domain, dan = "dan@" + domain,
                eve = "eve@" + domain, fay = "fay@" + domain;
        CampaignId campaign = campaign(org, actor, "", "Ann Archer", ann, "Ben Bloom", ben, "Cat Cole", cat,
                "Dan Dale", dan, "Eve Eden", eve, "Fay Fern", fay);
        for (String chosen : List.of(ann, ben, dan, eve)) {
            wrt().send(new ShortlistPerson(campaign, org, person(org, campaign, chosen), "why not"), actor);
        }
        wrt().send(new ErasePerson(campaign, org, eve), actor);
        jdbc.update("INSERT INTO mail_suppression (organisation_id, email, reason, occurred_at) VALUES (?, ?, 'BOUNCED', now())",
                org.value(), dan);
        String base = "/org/" + slug + "/campaigns/" + campaign;
        RequestPostProcessor asAdmin = SecurityMockMvcRequestPostProcessors.user(admin)
                .authorities(new SimpleGrantedAuthority("org:" + slug + ":admin"));

        // the shortlist page reads a projection: wait until it shows all four choices and the erasure
        // the campaign's pages answer 404 until the read model has the campaign, so this waits on the answer itself
        Awaitility.await("the shortlist projected").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> confirmation(base, asAdmin).contains("3 people"));
        assertThat(confirmation(base, asAdmin)).contains("3 people", "Ann Archer", "See you on the 12th",
                "You have been selected for the workshop");

        // pressed twice (a double click): one request is refused as nobody is left, nobody is mailed twice
        for (int press = 0; press < 2; press++) {
            mvc.perform(post(base + "/shortlist/tell").param("message", "See you on the 12th").with(asAdmin)
                    .with(csrf())).andExpect(status().isFound());
        }
        await("Ann and Ben told", WAIT, () -> told(campaign).size() == 2);
        await("Dan's suppressed mail recorded", WAIT, () -> !events().payloads(SelectionMailNotSent.class,
                e -> e.campaignId().equals(campaign)).isEmpty());

        // chosen later: the next press mails only her
        wrt().send(new ShortlistPerson(campaign, org, person(org, campaign, cat), ""), actor);
        mvc.perform(post(base + "/shortlist/tell").with(asAdmin).with(csrf())).andExpect(status().isFound());
        await("Cat told", WAIT, () -> told(campaign).size() == 3);
        // room for a duplicate to show up: the counts must stay the whole time
        Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                .until(() -> SMTP.to(ann).size() == 1 && SMTP.to(ben).size() == 1 && SMTP.to(cat).size() == 1);

        assertThat(SMTP.to(dan)).as("suppressed").isEmpty();
        assertThat(SMTP.to(eve)).as("erased").isEmpty();
        assertThat(SMTP.to(fay)).as("not chosen").isEmpty();
        assertThat(events().payloads(SelectionMailRequested.class, e -> e.campaignId().equals(campaign)))
                .hasSize(4); // Ann, Ben, Dan (suppressed), Cat: once each
        MimeMessage mail = SMTP.to(ann).get(0);
        assertThat(mail.getSubject()).isEqualTo("You have been selected for the workshop: Future of work");
        assertThat(SmtpServer.text(mail)).contains("Hello Ann Archer,", "See you on the 12th");
        assertThat(SmtpServer.html(mail)).contains("See you on the 12th");
        assertThat(SmtpServer.text(SMTP.to(cat).get(0))).doesNotContain("See you on the 12th");

        // told or not is projected from the campaign's events: wait until the page has all of them
        await("the shortlist shows who was told", WAIT, () -> page(base + "/shortlist", asAdmin).split("told on ",
                -1).length == 4);
        String shortlist = page(base + "/shortlist", asAdmin);
        assertThat(shortlist).contains("told on", "not told: mail to this address bounced before");
        assertThat(shortlist).doesNotContain("Tell the chosen…");
        assertThat(page(base + "/shortlist/tell", asAdmin)).contains("Everyone on the shortlist has already been told");
        assertThat(page(base + "/people/" + person(org, campaign, ann), asAdmin)).contains("told on");
    }

    @Test
    @DisplayName("a Dutch campaign's selection mail and its preview are in Dutch, the admin's message as written")
    void inTheCampaignsLanguage() throws Exception {
        String domain = domain();
        String admin = "admin@" + domain;
        OrganisationId org = wrt().organisation(admin);
        String slug = slugOf(org);
        Actor actor = Actor.admin(admin);
        String ann = "ann@" + domain;
        CampaignId campaign = campaign(org, actor, "", "Ann Archer", ann);
        wrt().send(new ChangeCampaignLanguage(campaign, org, "nl"), actor);
        wrt().send(new ShortlistPerson(campaign, org, person(org, campaign, ann), ""), actor);
        String base = "/org/" + slug + "/campaigns/" + campaign;
        RequestPostProcessor asAdmin = SecurityMockMvcRequestPostProcessors.user(admin)
                .authorities(new SimpleGrantedAuthority("org:" + slug + ":admin"));

        // the campaign's pages answer once the read model knows it
        Awaitility.await("the preview in Dutch").atMost(WAIT).ignoreExceptions().until(() -> confirmation(base, asAdmin)
                .contains("U bent geselecteerd voor de workshop"));
        mvc.perform(post(base + "/shortlist/tell").param("message", "Tot de 12e!").with(asAdmin).with(csrf()))
                .andExpect(status().isFound());
        await("Ann told", WAIT, () -> SMTP.to(ann).size() == 1);
        MimeMessage mail = SMTP.to(ann).get(0);
        assertThat(mail.getSubject()).isEqualTo("U bent geselecteerd voor de workshop: Future of work");
        assertThat(SmtpServer.text(mail)).contains("Beste Ann Archer,", "heeft u geselecteerd", "Tot de 12e!",
                "neemt contact met u op").doesNotContain("Hello").doesNotContain("has selected you")
                .doesNotContain("will be in touch");
        assertThat(SmtpServer.html(mail)).contains("<html lang=\"nl\">", "U bent geselecteerd voor de workshop",
                "Tot de 12e!").doesNotContain("You have been selected");
    }

    private PersonId person(OrganisationId org, CampaignId campaign, String email) {
        // the organisation's read-model tables may not exist yet right after it was registered
        return Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> queries.query(new FindRoster(org, campaign), RosterView.class)
                .join().people().stream().filter(p -> p.email().equals(email)).map(PersonView::personId).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private List<PersonToldOfSelection> told(CampaignId campaign) {
        return events().payloads(PersonToldOfSelection.class, e -> e.campaignId().equals(campaign));
    }

    private String confirmation(String base, RequestPostProcessor admin) {
        try {
            return mvc.perform(get(base + "/shortlist/tell").param("message", "See you on the 12th").with(admin))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(String url, RequestPostProcessor reader) {
        try {
            return mvc.perform(get(url).with(reader)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
