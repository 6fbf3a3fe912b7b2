package org.oostkit.wrt.web.browser;

import org.awaitility.Awaitility;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.organisation.OrganisationCommands.RegisterOrganisation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.web.WrtApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole referral journey in Debian's headless Chromium against the running application, with mail over
 * real SMTP (GreenMail): an admin signs in with the mailed link, creates a campaign, uploads the seed group
 * and starts round 1; two nominators open their invitation links on a phone-sized screen, verify with the
 * mailed codes and name overlapping people; the admin closes the round, sees the convergence and downloads
 * the export; round 2 asks only the newly named people. Screenshots of every page go to
 * {@code target/screenshots}.
 */
// every full application on the shared test database runs its own mail, webhook and Axon processors: close it
// after its class, so that no two of them compete for the same outbox, tokens or deadlines
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WrtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReferralJourneyBrowserTest {

    private static final int PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    private static final Pattern LINK = Pattern.compile("https?://localhost:\\d+/[^\\s\"'<>]+");
    /** The code stands alone on its line of the plain-text body (other digits in a MIME message vary). */
    private static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("wrt.base-url", () -> BASE);
        registry.add("wrt.mail.smtp.host", () -> "127.0.0.1");
        registry.add("wrt.mail.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("wrt.mail.from", () -> "WRT <wrt@journey.test>");
        registry.add("wrt.mail.sender.poll-interval", () -> "100ms");
        // one browser session makes more than the general per-address limit of a person would
        registry.add("wrt.rate-limits.general", () -> "1000");
    }

    @BeforeAll
    static void startMail() {
        SMTP.start();
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminRunsTwoRoundsAndNominatorsConverge() throws Exception {
        String slug = "journey-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = "admin@" + slug + ".test";
        register(slug, admin);
        Path downloads = Files.createTempDirectory("wrt-downloads-");

        try (Browser adminBrowser = Browser.open(BASE, "1-admin", 1280, downloads)) {
            journey(adminBrowser, slug, admin, downloads);
        }
    }

    private void journey(Browser adminBrowser, String slug, String admin, Path downloads) throws Exception {
        try {
            // sign in with the mailed link
            adminBrowser.go("/login");
            adminBrowser.screenshot("login");
            adminBrowser.type(By.name("email"), admin);
            adminBrowser.click(By.cssSelector("form[action='/login'] button[type=submit]"));
            adminBrowser.screenshot("link-sent");
            String signIn = link(awaitMail(admin, 1).get(0), "/login/");
            adminBrowser.go(signIn);
            adminBrowser.screenshot("confirm-sign-in");
            adminBrowser.click(By.cssSelector("main form button[type=submit]"));
            adminBrowser.waitUntil(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login/"));
            adminBrowser.go("/org/" + slug + "/manage");
            adminBrowser.screenshot("dashboard");
            assertThat(adminBrowser.title()).containsIgnoringCase("campaigns");

            // create a campaign
            adminBrowser.go("/org/" + slug + "/campaigns/new");
            adminBrowser.type(By.name("name"), "Future of the harbour");
            adminBrowser.type(By.name("description"), "Who should be in the room for the harbour workshop?");
            adminBrowser.type(By.name("threshold"), "2");
            adminBrowser.type(By.name("invitationText"), "Please name people who know the harbour well.");
            adminBrowser.screenshot("new-campaign");
            adminBrowser.click(By.cssSelector("main form button[type=submit]"));
            adminBrowser.waitUntil(Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().matches(".*/campaigns/[0-9a-f-]{36}(/seed)?$"));
            String campaign = URI.create(adminBrowser.driver().getCurrentUrl()).getPath().replaceFirst("/seed$", "");
            adminBrowser.screenshot("campaign");

            // upload the seed group: two seeds, one duplicate and one broken row are reported
            Path csv = Files.createTempFile("seeds-", ".csv");
            Files.writeString(csv, "\uFEFFFirst Name;Last Name;E-mail Address\n"
                    + "Ann;Archer;ann@" + slug + ".test\n"
                    + "Bob;Baker;BOB@" + slug + ".test\n"
                    + "Bob;Again;bob@" + slug + ".test\n"
                    + "Nobody;;not-an-email\n", StandardCharsets.UTF_8);
            adminBrowser.go(campaign + "/seed");
            adminBrowser.screenshot("seed-group");
            adminBrowser.find(By.cssSelector("input[type=file][name=file]")).sendKeys(csv.toString());
            adminBrowser.click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
            adminBrowser.find(By.name("importId"));
            adminBrowser.screenshot("seed-preview");
            String preview = adminBrowser.text();
            assertThat(preview).contains("ann@" + slug + ".test").contains("bob@" + slug + ".test");
            assertThat(preview).contains("same address as line 3").contains("not a valid email address");
            adminBrowser.click(By.cssSelector("form[action$='/seed/confirm'] button[type=submit]"));
            awaitText(adminBrowser, campaign + "/seed", "ann@" + slug + ".test");
            adminBrowser.screenshot("seed-imported");

            // start round 1: both seeds are invited
            adminBrowser.go(campaign + "/rounds");
            awaitButton(adminBrowser, campaign + "/rounds", "send 2 invitations");
            adminBrowser.screenshot("rounds-before-start");
            adminBrowser.click(By.cssSelector("form[action$='/rounds'] button[type=submit]"));
            List<MimeMessage> annInvite = awaitMail("ann@" + slug + ".test", 1);
            List<MimeMessage> bobInvite = awaitMail("bob@" + slug + ".test", 1);
            adminBrowser.go(campaign + "/rounds/1");
            adminBrowser.screenshot("round-1-open");

            // two nominators on phones name overlapping people
            nominate("2-ann", slug, "ann@" + slug + ".test", link(annInvite.get(0), "/nominate/"), downloads,
                    List.of(new String[]{"Xena Xu", "xena@" + slug + ".test"},
                            new String[]{"Yuri Young", "yuri@" + slug + ".test"}));
            nominate("3-bob", slug, "bob@" + slug + ".test", link(bobInvite.get(0), "/nominate/"), downloads,
                    List.of(new String[]{"Xena Xu", "XENA@" + slug + ".test"},
                            new String[]{"Zoe Zed", "zoe@" + slug + ".test"}));

            // the round page, open all along and never reloaded, follows both answers in its counts and its
            // contacts table together
            adminBrowser.waitUntil(Duration.ofSeconds(30)).until(d ->
                    "2".equals(d.findElement(By.cssSelector("[data-live=\"responded\"]")).getText())
                            && d.findElements(By.cssSelector("[data-live-table] tbody tr")).size() == 2
                            && d.findElements(By.xpath("//section[@data-live-table]//td[contains(., 'not yet')]"))
                            .isEmpty());
            adminBrowser.screenshot("round-1-live");

            // the round page counts both answers; close it
            awaitText(adminBrowser, campaign + "/rounds/1", "100");
            adminBrowser.screenshot("round-1-answered");
            adminBrowser.go(campaign + "/rounds/1/close");
            adminBrowser.screenshot("close-round");
            adminBrowser.click(By.cssSelector("form[action$='/close'] button[type=submit]"));
            awaitText(adminBrowser, campaign + "/rounds", "Start round 2");

            // results: Xena was named by both nominators and reaches the threshold
            awaitText(adminBrowser, campaign + "/results", "Xena Xu");
            adminBrowser.screenshot("results");
            assertThat(adminBrowser.find(By.cssSelector("tr.above-threshold")).getText()).contains("Xena Xu");
            assertThat(adminBrowser.driver().findElements(By.cssSelector("svg")).size()).isGreaterThanOrEqualTo(3);

            // the CSV export downloads with the signed-in session
            String csvHref = adminBrowser.find(By.partialLinkText("CSV")).getAttribute("href");
            HttpResponse<String> export = download(adminBrowser, csvHref);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            assertThat(export.body()).contains("xena@" + slug + ".test").contains("zoe@" + slug + ".test");
            HttpResponse<String> pdf = download(adminBrowser,
                    adminBrowser.find(By.partialLinkText("PDF")).getAttribute("href"));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body()).startsWith("%PDF");

            // round 2 asks only the three newly named people
            adminBrowser.go(campaign + "/rounds");
            awaitButton(adminBrowser, campaign + "/rounds", "send 3 invitations");
            adminBrowser.screenshot("rounds-before-round-2");
            int mailsBefore = SMTP.getReceivedMessages().length;
            adminBrowser.click(By.cssSelector("form[action$='/rounds'] button[type=submit]"));
            awaitMail("xena@" + slug + ".test", 1);
            awaitMail("yuri@" + slug + ".test", 1);
            awaitMail("zoe@" + slug + ".test", 1);
            // room for a mail to anyone else: the count must stay at three new mails the whole time
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> SMTP.getReceivedMessages().length == mailsBefore + 3);
            List<String> roundTwoRecipients = new ArrayList<>();
            MimeMessage[] all = SMTP.getReceivedMessages();
            for (int i = mailsBefore; i < all.length; i++) {
                roundTwoRecipients.add(address(all[i]).toLowerCase(Locale.ROOT));
            }
            assertThat(roundTwoRecipients).containsExactlyInAnyOrder(
                    "xena@" + slug + ".test", "yuri@" + slug + ".test", "zoe@" + slug + ".test");
            adminBrowser.go(campaign + "/rounds/2");
            adminBrowser.screenshot("round-2-open");
        } catch (Exception | AssertionError failure) {
            adminBrowser.screenshot("failure");
            throw failure;
        }
    }

    private void nominate(String who, String slug, String email, String invitation, Path downloads,
                          List<String[]> nominees) throws Exception {
        try (Browser phone = Browser.open(BASE, who, 375, downloads)) {
            try {
                fillIn(phone, email, invitation, nominees);
            } catch (Exception | AssertionError failure) {
                phone.screenshot("failure");
                throw failure;
            }
        }
    }

    private static void fillIn(Browser phone, String email, String invitation, List<String[]> nominees)
            throws Exception {
        {
            phone.go(invitation);
            phone.screenshot("invitation-link");
            phone.type(By.name("email"), email);
            phone.click(By.cssSelector("main form button[type=submit]"));
            phone.find(By.name("code"));
            phone.screenshot("code-form");
            MimeMessage codeMail = awaitMail(email, 2).get(1);
            Matcher code = CODE.matcher(plainText(codeMail));
            assertThat(code.find()).as("a 6-digit code in the mail").isTrue();
            phone.type(By.name("code"), code.group(1));
            phone.click(By.cssSelector("main form button[type=submit]"));
            phone.find(By.cssSelector("form.nominate-form"));
            phone.screenshot("nomination-form");
            // saving nobody by accident records nothing: the page asks, with the question on top and focused
            phone.click(By.cssSelector("button[name=action][value=save]"));
            phone.waitUntil(Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Nothing saved"));
            assertThat(phone.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("errors");
            assertThat(phone.find(By.id("errors")).getText()).contains("You have not named anyone")
                    .contains("I have no one to suggest");
            phone.screenshot("nomination-nothing-saved");
            // two rows to start on a phone; "add another person" adds one more in place
            while (phone.driver().findElements(By.name("name")).size() < nominees.size()) {
                phone.click(By.cssSelector("button[name=action][value=more]"));
            }
            List<org.openqa.selenium.WebElement> names = phone.driver().findElements(By.name("name"));
            List<org.openqa.selenium.WebElement> emails = phone.driver().findElements(By.name("email"));
            for (int i = 0; i < nominees.size(); i++) {
                names.get(i).sendKeys(nominees.get(i)[0]);
                emails.get(i).sendKeys(nominees.get(i)[1]);
            }
            phone.screenshot("nomination-filled");
            phone.click(By.cssSelector("button[name=action][value=save]"));
            phone.waitUntil(Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Thank you"));
            phone.screenshot("nomination-confirmed");
            assertThat(phone.text()).contains(nominees.get(0)[0]).contains(nominees.get(1)[0]);
            assertThat(phone.driver().manage().getCookies()).allSatisfy(c -> assertThat(c.isHttpOnly()).isTrue());
        }
    }

    private void register(String slug, String admin) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterOrganisation(OrganisationId.random(),
                slug, "Harbour Council " + slug, List.of(admin), List.of())).andMetaData(Actor.OPERATOR.asMetaData()));
        Awaitility.await("organisation registered on the read side").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM tenant WHERE slug = ?", Integer.class, slug) > 0);
    }

    /** Reloads a page until it shows the text (the read models trail the commands by moments). */
    private static void awaitText(Browser browser, String path, String text) {
        Awaitility.await("page " + path + " shows " + text).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    browser.go(path);
                    return browser.text().contains(text);
                });
    }

    private static void awaitButton(Browser browser, String path, String label) {
        Awaitility.await("page " + path + " offers " + label).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    browser.go(path);
                    return browser.driver().findElements(By.cssSelector("button")).stream().anyMatch(b ->
                            b.getText().toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT)));
                });
    }

    private static List<MimeMessage> awaitMail(String recipient, int count) {
        return Awaitility.await(count + " mails to " + recipient).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<MimeMessage> mails = new ArrayList<>();
                    for (MimeMessage message : SMTP.getReceivedMessages()) {
                        if (address(message).equalsIgnoreCase(recipient)) {
                            mails.add(message);
                        }
                    }
                    return mails;
                }, mails -> mails.size() >= count);
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String address(MimeMessage message) throws MessagingException {
        return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    }

    private static String link(MimeMessage mail, String containing) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        while (matcher.find()) {
            if (matcher.group().contains(containing)) {
                return matcher.group();
            }
        }
        throw new AssertionError("no link with " + containing + " in the mail");
    }

    private static HttpResponse<String> download(Browser browser, String href) throws Exception {
        StringBuilder cookies = new StringBuilder();
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            cookies.append(cookie.getName()).append('=').append(cookie.getValue()).append("; ");
        }
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", cookies.toString()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
