package org.oostkit.wrt.web.browser;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
import static org.awaitility.Awaitility.await;

/**
 * The whole referral journey in Debian's headless Chromium against the running application, with mail over
 * real SMTP (GreenMail): an admin signs in with the mailed link, creates a campaign, uploads the seed group
 * and starts round 1; three nominators open their invitation links on a phone (390×844): one mistypes their
 * address, enters a wrong and an old code and then leaves an address invalid, one saves nothing by accident,
 * one answers "I have no one to suggest"; the round page, never reloaded, follows them in its counts and
 * its contacts table. The admin closes the round, sees the convergence and downloads the export; round 2 asks
 * only the newly named people. Every page visited passes axe-core with no serious or critical violation, the
 * admin's pages at desktop and at phone size. Screenshots of every page go to {@code target/screenshots}.
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

    /** Every serious or critical axe-core violation of every page visited, reported together at the end. */
    private final List<String> accessibility = new ArrayList<>();
    /** The admin's pages (GET) visited at desktop size, visited again at phone size at the end. */
    private final List<String[]> adminPages = new ArrayList<>();
    private long axeNanos;
    private int axePages;

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

        try (Browser adminBrowser = Browser.open(BASE, "1-admin", Browser.DESKTOP_WIDTH, downloads)) {
            journey(adminBrowser, slug, admin);
            adminPagesOnAPhone(adminBrowser, slug);
        }
        System.out.printf(Locale.ROOT, "axe-core checked %d pages in %.1f s%n", axePages, axeNanos / 1e9);
        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }

    /** Saves a screenshot of the page as it stands and runs axe-core on it, folded-in parts opened. */
    private void page(Browser browser, String step) throws IOException {
        browser.screenshot(step);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        long started = System.nanoTime();
        accessibility.addAll(Accessibility.seriousViolations(browser.driver(), browser.name() + " " + step));
        axeNanos += System.nanoTime() - started;
        axePages++;
    }

    /** {@link #page} for an admin page that can be opened again by its address (for the phone pass). */
    private void adminPage(Browser browser, String step) throws IOException {
        page(browser, step);
        adminPages.add(new String[]{step, browser.driver().getCurrentUrl()});
    }

    /** The admin's pages and the error pages once more at phone size, in the same browser and session. */
    private void adminPagesOnAPhone(Browser adminBrowser, String slug) throws IOException {
        adminBrowser.emulatePhone();
        try {
            for (String[] visited : adminPages) {
                adminBrowser.go(visited[1]);
                page(adminBrowser, "phone-" + visited[0]);
            }
            // a table wider than the phone can be reached and scrolled with the keyboard alone
            adminBrowser.go(adminPages.stream().filter(p -> p[0].equals("round-1-answered")).findFirst()
                    .orElseThrow()[1]);
            WebElement table = adminBrowser.find(By.cssSelector("[data-live-table] .table-wrap"));
            // from the filter just above it: Tab past the button, then the arrow keys
            ((JavascriptExecutor) adminBrowser.driver()).executeScript("document.getElementById('status').focus();");
            new Actions(adminBrowser.driver()).sendKeys(Keys.TAB, Keys.TAB).perform();
            assertThat(adminBrowser.driver().switchTo().activeElement()).isEqualTo(table);
            new Actions(adminBrowser.driver()).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
            adminBrowser.waitUntil(Duration.ofSeconds(5)).until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return arguments[0].scrollLeft;", table)).intValue() > 0);
            page(adminBrowser, "phone-round-table-scrolled");
            adminBrowser.go("/no-such-page");
            assertThat(adminBrowser.title()).containsIgnoringCase("not found");
            page(adminBrowser, "phone-not-found");
            adminBrowser.go("/org/" + slug + "/campaigns/" + UUID.randomUUID());
            page(adminBrowser, "phone-unknown-campaign");
        } finally {
            adminBrowser.emulateNothing();
        }
        adminBrowser.go("/no-such-page");
        page(adminBrowser, "not-found");
        adminBrowser.go("/org/" + slug + "/campaigns/" + UUID.randomUUID());
        page(adminBrowser, "unknown-campaign");
    }

    private void journey(Browser adminBrowser, String slug, String admin) throws Exception {
        try {
            // sign in with the mailed link
            adminBrowser.go("/login");
            page(adminBrowser, "login");
            adminBrowser.type(By.name("email"), admin);
            adminBrowser.click(By.cssSelector("form[action='/login'] button[type=submit]"));
            page(adminBrowser, "link-sent");
            String signIn = link(awaitMail(admin, 1).get(0), "/login/");
            adminBrowser.go(signIn);
            page(adminBrowser, "confirm-sign-in");
            adminBrowser.click(By.cssSelector("main form button[type=submit]"));
            adminBrowser.waitUntil(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login/"));
            adminBrowser.go("/org/" + slug + "/manage");
            adminPage(adminBrowser, "dashboard");
            assertThat(adminBrowser.title()).containsIgnoringCase("campaigns");
            adminBrowser.go(signIn);
            adminPage(adminBrowser, "sign-in-link-used");

            // create a campaign
            adminBrowser.go("/org/" + slug + "/campaigns/new");
            adminBrowser.type(By.name("name"), "Future of the harbour");
            adminBrowser.type(By.name("description"), "Who should be in the room for the harbour workshop?");
            adminBrowser.type(By.name("threshold"), "2");
            adminBrowser.type(By.name("invitationText"), "Please name people who know the harbour well.");
            page(adminBrowser, "new-campaign");
            adminBrowser.click(By.cssSelector("main form button[type=submit]"));
            adminBrowser.waitUntil(Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().matches(".*/campaigns/[0-9a-f-]{36}(/seed)?$"));
            String campaign = URI.create(adminBrowser.driver().getCurrentUrl()).getPath().replaceFirst("/seed$", "");
            adminPage(adminBrowser, "campaign");

            adminBrowser.go(campaign + "/edit");
            adminPage(adminBrowser, "edit-campaign");

            // upload the seed group: three seeds, one duplicate and one broken row are reported
            Path csv = Files.createTempFile("seeds-", ".csv");
            Files.writeString(csv, "\uFEFFFirst Name;Last Name;E-mail Address\n"
                    + "Ann;Archer;ann@" + slug + ".test\n"
                    + "Bob;Baker;BOB@" + slug + ".test\n"
                    + "Bob;Again;bob@" + slug + ".test\n"
                    + "Cy;Cole;cy@" + slug + ".test\n"
                    + "Nobody;;not-an-email\n", StandardCharsets.UTF_8);
            adminBrowser.go(campaign + "/seed");
            adminPage(adminBrowser, "seed-group");
            adminBrowser.find(By.cssSelector("input[type=file][name=file]")).sendKeys(csv.toString());
            adminBrowser.click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
            adminBrowser.find(By.name("importId"));
            adminPage(adminBrowser, "seed-preview");
            String preview = adminBrowser.text();
            assertThat(preview).contains("ann@" + slug + ".test").contains("bob@" + slug + ".test");
            assertThat(preview).contains("same address as line 3").contains("not a valid email address");
            adminBrowser.click(By.cssSelector("form[action$='/seed/confirm'] button[type=submit]"));
            awaitText(adminBrowser, campaign + "/seed", "ann@" + slug + ".test");
            adminPage(adminBrowser, "seed-imported");

            // start round 1: the three seeds are invited
            adminBrowser.go(campaign + "/rounds");
            awaitButton(adminBrowser, campaign + "/rounds", "send 3 invitations");
            adminPage(adminBrowser, "rounds-before-start");
            adminBrowser.click(By.cssSelector("form[action$='/rounds'] button[type=submit]"));
            List<MimeMessage> annInvite = awaitMail("ann@" + slug + ".test", 1);
            List<MimeMessage> bobInvite = awaitMail("bob@" + slug + ".test", 1);
            List<MimeMessage> cyInvite = awaitMail("cy@" + slug + ".test", 1);
            awaitText(adminBrowser, campaign + "/rounds/1", "cy@" + slug + ".test");
            assertThat(notYet(adminBrowser)).isEqualTo(3);
            adminPage(adminBrowser, "round-1-open");
            // a reload would lose this mark: the page must change by itself
            ((JavascriptExecutor) adminBrowser.driver()).executeScript("window.wrtNotReloaded = true;");

            // Ann on a phone mistypes her address, mixes up her codes, then names two people
            nominate("2-ann", phone -> {
                String ann = "ann@" + slug + ".test";
                openAndConfirmWithTypo(phone, link(annInvite.get(0), "/nominate/"), ann);
                enterWrongAndOldCodes(phone, ann);
                // an address that cannot be right: the summary of the errors is on top and has the focus
                phone.find(By.name("name")).sendKeys("Xena Xu");
                phone.find(By.name("email")).sendKeys("xena@");
                phone.click(By.cssSelector("button[name=action][value=save]"));
                phone.find(By.id("errors"));
                assertThat(activeElementId(phone)).isEqualTo("errors");
                assertThat(phone.find(By.id("errors")).getLocation().getY())
                        .as("the error summary is on the first screen").isLessThan(Browser.PHONE_HEIGHT / 2);
                assertThat(phone.find(By.id("errors")).getText()).contains("Please check your list");
                page(phone, "nomination-error");
                phone.find(By.cssSelector("#errors a")).click();
                assertThat(activeElementId(phone)).as("the error's link leads to its field").isEqualTo("row0-email");
                phone.type(By.id("row0-email"), "xena@" + slug + ".test");
                nameAndSave(phone, List.of(new String[]{"Xena Xu", "xena@" + slug + ".test"},
                        new String[]{"Yuri Young", "yuri@" + slug + ".test"}));
                // coming back to edit shows the saved list, short, in the order given
                phone.click(By.linkText("edit your nominations"));
                phone.find(By.id("saved-heading"));
                assertThat(phone.find(By.cssSelector("ol.nominate-list")).getText())
                        .containsSubsequence("Xena Xu", "Yuri Young");
                page(phone, "nomination-saved-list");
            });
            // the round page follows Ann's answer in its contacts table without being reloaded
            adminBrowser.waitUntil(Duration.ofSeconds(30)).until(d ->
                    "1".equals(d.findElement(By.cssSelector("[data-live=\"responded\"]")).getText())
                            && notYet(adminBrowser) == 2);
            assertThat(liveRow(adminBrowser, "ann@" + slug + ".test")).doesNotContain("not yet");
            page(adminBrowser, "round-1-live-one-answer");

            // Bob saves nothing by accident, is asked, and names two people
            nominate("3-bob", phone -> {
                confirmAddress(phone, link(bobInvite.get(0), "/nominate/"), "bob@" + slug + ".test");
                phone.click(By.cssSelector("button[name=action][value=save]"));
                phone.waitUntil(Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Nothing saved"));
                assertThat(activeElementId(phone)).isEqualTo("errors");
                assertThat(phone.find(By.id("errors")).getText()).contains("You have not named anyone")
                        .contains("I have no one to suggest");
                page(phone, "nomination-nothing-saved");
                nameAndSave(phone, List.of(new String[]{"Xena Xu", "XENA@" + slug + ".test"},
                        new String[]{"Zoe Zed", "zoe@" + slug + ".test"}));
            });

            // Cy has no one to suggest, and says so
            nominate("4-cy", phone -> {
                // a link cut short in the mail is answered with a page, not a stack trace
                phone.go("/org/" + slug + "/nominate/not-a-real-token");
                assertThat(phone.text()).containsIgnoringCase("link");
                page(phone, "invalid-link");
                confirmAddress(phone, link(cyInvite.get(0), "/nominate/"), "cy@" + slug + ".test");
                phone.click(By.cssSelector("form.nominate-none button[name=action][value=none]"));
                phone.waitUntil(Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Thank you"));
                assertThat(phone.text()).contains("you have no one to suggest");
                page(phone, "nomination-no-one");
            });

            // the round page, open all along and never reloaded, follows all three answers in its counts and its
            // contacts table together
            adminBrowser.waitUntil(Duration.ofSeconds(30)).until(d ->
                    "3".equals(d.findElement(By.cssSelector("[data-live=\"responded\"]")).getText())
                            && d.findElements(By.cssSelector("[data-live-table] tbody tr")).size() == 3
                            && notYet(adminBrowser) == 0);
            assertThat(((JavascriptExecutor) adminBrowser.driver()).executeScript("return window.wrtNotReloaded;"))
                    .as("the round page was not reloaded").isEqualTo(Boolean.TRUE);
            page(adminBrowser, "round-1-live");

            // the round page counts both answers; close it
            awaitText(adminBrowser, campaign + "/rounds/1", "100");
            adminPage(adminBrowser, "round-1-answered");
            adminBrowser.go(campaign + "/rounds/1/close");
            adminPage(adminBrowser, "close-round");
            adminBrowser.click(By.cssSelector("form[action$='/close'] button[type=submit]"));
            awaitText(adminBrowser, campaign + "/rounds", "Start round 2");
            nominate("5-ann-later", phone -> {
                phone.go(link(annInvite.get(0), "/nominate/"));
                assertThat(phone.text()).contains("closed");
                page(phone, "round-closed");
            });

            // results: Xena was named by both nominators and reaches the threshold
            awaitText(adminBrowser, campaign + "/results", "Xena Xu");
            adminPage(adminBrowser, "results");
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
            adminPage(adminBrowser, "rounds-before-round-2");
            int mailsBefore = SMTP.getReceivedMessages().length;
            adminBrowser.click(By.cssSelector("form[action$='/rounds'] button[type=submit]"));
            awaitMail("xena@" + slug + ".test", 1);
            awaitMail("yuri@" + slug + ".test", 1);
            awaitMail("zoe@" + slug + ".test", 1);
            // and no fourth mail follows
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> SMTP.getReceivedMessages().length == mailsBefore + 3);
            List<String> roundTwoRecipients = new ArrayList<>();
            MimeMessage[] all = SMTP.getReceivedMessages();
            for (int i = mailsBefore; i < all.length; i++) {
                roundTwoRecipients.add(address(all[i]).toLowerCase(Locale.ROOT));
            }
            assertThat(roundTwoRecipients).containsExactlyInAnyOrder(
                    "xena@" + slug + ".test", "yuri@" + slug + ".test", "zoe@" + slug + ".test");
            adminBrowser.go(campaign + "/rounds/2");
            adminPage(adminBrowser, "round-2-open");

            // the campaign's other pages
            for (String[] other : List.of(new String[]{"/audit", "audit"}, new String[]{"/results/as-of", "as-of"},
                    new String[]{"/people/erase", "erase-person"}, new String[]{"/erase", "erase-campaign"},
                    new String[]{"/complete", "complete-campaign"})) {
                adminBrowser.go(campaign + other[0]);
                adminPage(adminBrowser, other[1]);
            }
            adminBrowser.go("/org/" + slug + "/suppressions");
            adminPage(adminBrowser, "suppressions");
            adminBrowser.go("/");
            adminPage(adminBrowser, "start");
        } catch (Exception | AssertionError failure) {
            adminBrowser.screenshot("failure");
            throw failure;
        }
    }

    /** One nominator's steps in a fresh phone-sized browser of their own. */
    private void nominate(String who, PhoneSteps steps) throws Exception {
        try (Browser phone = Browser.open(BASE, who, Browser.PHONE_WIDTH, Files.createTempDirectory("wrt-"))) {
            try {
                steps.run(phone);
                assertThat(phone.driver().manage().getCookies()).allSatisfy(c -> assertThat(c.isHttpOnly()).isTrue());
            } catch (Exception | AssertionError failure) {
                phone.screenshot("failure");
                throw failure;
            }
        }
    }

    @FunctionalInterface
    private interface PhoneSteps {
        void run(Browser phone) throws Exception;
    }

    /**
     * An empty address is asked for again; a typo is shown back with "change it" (and no code comes); the
     * corrected address gets the code. Ends on the code page with one code mailed.
     */
    private void openAndConfirmWithTypo(Browser phone, String invitation, String email) throws Exception {
        phone.go(invitation);
        page(phone, "invitation-link");
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.waitUntil(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("email-error")).isEmpty());
        assertThat(phone.find(By.id("email-error")).getText()).contains("Enter your email address");
        page(phone, "invitation-no-address");
        String typo = email.replace("@", "@@").replaceFirst("@@", "@x");
        phone.type(By.name("email"), typo);
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.find(By.name("code"));
        assertThat(phone.text()).contains("You entered " + typo).contains("change it");
        page(phone, "code-form-typo");
        phone.click(By.linkText("change it"));
        phone.waitUntil(Duration.ofSeconds(10)).until(d ->
                typo.equals(d.findElement(By.name("email")).getAttribute("value")));
        page(phone, "change-address");
        phone.type(By.name("email"), email);
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.find(By.name("code"));
        assertThat(phone.text()).contains("You entered " + email);
        awaitMail(email, 2);
        assertThat(SMTP.getReceivedMessagesForDomain(typo.substring(typo.indexOf('@') + 1))).as("no mail to the typo")
                .isEmpty();
    }

    /** A wrong code and then an old one are each answered truthfully; the newest code opens the form. */
    private void enterWrongAndOldCodes(Browser phone, String email) throws Exception {
        String first = code(awaitMail(email, 2).get(1));
        phone.type(By.name("code"), String.format(Locale.ROOT, "%06d", (Integer.parseInt(first) + 1) % 1_000_000));
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.waitUntil(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("code-error")).isEmpty());
        assertThat(phone.find(By.id("code-error")).getText()).contains("That code is not right");
        page(phone, "code-wrong");
        phone.click(By.linkText("Ask for a new code"));
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.find(By.name("code"));
        String newest = code(awaitMail(email, 3).get(2));
        phone.type(By.name("code"), first);
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.waitUntil(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("code-error")).isEmpty());
        assertThat(phone.find(By.id("code-error")).getText()).contains("This is not the latest code we sent");
        page(phone, "code-old");
        phone.type(By.name("code"), newest);
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.find(By.cssSelector("form.nominate-form"));
        page(phone, "nomination-form");
    }

    /** The invitation link, the invited address and the mailed code: ends on the nomination form. */
    private void confirmAddress(Browser phone, String invitation, String email) throws Exception {
        phone.go(invitation);
        page(phone, "invitation-link");
        phone.type(By.name("email"), email);
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.find(By.name("code"));
        page(phone, "code-form");
        phone.type(By.name("code"), code(awaitMail(email, 2).get(1)));
        phone.click(By.cssSelector("main form button[type=submit]"));
        phone.find(By.cssSelector("form.nominate-form"));
        page(phone, "nomination-form");
    }

    /** Two rows to start on a phone; "add another person" adds one more in place. Ends on the thank-you page. */
    private void nameAndSave(Browser phone, List<String[]> nominees) throws Exception {
        while (phone.driver().findElements(By.name("name")).size() < nominees.size()) {
            phone.click(By.cssSelector("button[name=action][value=more]"));
        }
        List<WebElement> names = phone.driver().findElements(By.name("name"));
        List<WebElement> emails = phone.driver().findElements(By.name("email"));
        for (int i = 0; i < nominees.size(); i++) {
            names.get(i).clear();
            names.get(i).sendKeys(nominees.get(i)[0]);
            emails.get(i).clear();
            emails.get(i).sendKeys(nominees.get(i)[1]);
        }
        page(phone, "nomination-filled");
        phone.click(By.cssSelector("button[name=action][value=save]"));
        phone.waitUntil(Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Thank you"));
        page(phone, "nomination-confirmed");
        assertThat(phone.text()).contains(nominees.get(0)[0]).contains(nominees.get(1)[0]);
    }

    private static String code(MimeMessage codeMail) throws Exception {
        Matcher code = CODE.matcher(plainText(codeMail));
        assertThat(code.find()).as("a 6-digit code in the mail").isTrue();
        return code.group(1);
    }

    private static String activeElementId(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    /** Rows of the round page's contacts table that still say "not yet". */
    private static int notYet(Browser browser) {
        return browser.driver().findElements(By.xpath("//section[@data-live-table]//td[contains(., 'not yet')]"))
                .size();
    }

    private static String liveRow(Browser browser, String email) {
        return browser.driver().findElement(By.xpath("//section[@data-live-table]//tr[td[contains(., '" + email
                + "')]]")).getText();
    }

    private void register(String slug, String admin) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterOrganisation(OrganisationId.random(),
                slug, "Harbour Council " + slug, List.of(admin), List.of())).andMetaData(Actor.OPERATOR.asMetaData()));
        await("organisation registered on the read side").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM tenant WHERE slug = ?", Integer.class, slug) > 0);
    }

    /** Reloads a page until it shows the text (the read models trail the commands by moments). */
    private static void awaitText(Browser browser, String path, String text) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            browser.go(path);
            assertThat(browser.text()).as("page " + path).contains(text);
        });
    }

    private static void awaitButton(Browser browser, String path, String label) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            browser.go(path);
            assertThat(browser.driver().findElements(By.cssSelector("button")))
                    .as("page " + path + " offers " + label + ":\n" + browser.text())
                    .anyMatch(b -> b.getText().toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT)));
        });
    }

    private static List<MimeMessage> awaitMail(String recipient, int count) {
        return await(count + " mails to " + recipient).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> mailsTo(recipient), mails -> mails.size() >= count);
    }

    private static List<MimeMessage> mailsTo(String recipient) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (address(message).equalsIgnoreCase(recipient)) {
                mails.add(message);
            }
        }
        return mails;
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
