package org.oostkit.wrt.web.operator;

import org.junit.jupiter.api.Test;
import org.oostkit.wrt.web.WrtApplication;
import org.oostkit.wrt.web.support.RecordingMail;
import org.oostkit.wrt.web.support.WebIntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar wrt.jar org …}: one real run in its own web-less application context on the test database,
 * the other commands through the same code against the running application, and the usage errors.
 */
class OperatorCliTest extends WebIntegrationTestSupport {

    @Autowired
    OperatorOrganisations organisations;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void orgCreateRunsWithoutAWebServerAndRegistersTheOrganisation() {
        String slug = uniqueSlug("cli");
        int code = OperatorCli.run(new String[]{"org", "create", "--slug", slug, "--name", "Made on the command line",
                "--admin", "Boss@Example.org", "--admin", "second@example.org", "--auditor", "audit@example.org",
                "--time-zone", "asia/kolkata"},
                out, err, WrtApplication.class, RecordingMail.class);

        assertThat(code).as(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo(OperatorCli.OK);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Created organisation " + slug);
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ? AND 'boss@example.org' = ANY (admin_emails) "
                + "AND 'audit@example.org' = ANY (auditor_emails) AND time_zone = 'Asia/Kolkata'", slug);
    }

    @Test
    void listSuspendAndActivate() {
        String slug = uniqueSlug("cli-status");
        register(slug, List.of("a@example.org"), List.of());

        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "list"}), organisations, out, err))
                .isEqualTo(OperatorCli.OK);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains(slug + "\tactive\tOrganisation " + slug);

        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "suspend", slug, "--reason", "unpaid"}),
                organisations, out, err)).isEqualTo(OperatorCli.OK);
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ? AND status = 'SUSPENDED'", slug);
        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "activate", slug}), organisations, out, err))
                .isEqualTo(OperatorCli.OK);
        awaitRegistry("SELECT count(*) FROM tenant WHERE slug = ? AND status = 'ACTIVE'", slug);
    }

    @Test
    void refusalsExitWithOneAndSayWhy() {
        String slug = uniqueSlug("cli-taken");
        register(slug, List.of("a@example.org"), List.of());

        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "create", "--slug", slug, "--name", "Again",
                "--admin", "b@example.org"}), organisations, out, err)).isEqualTo(OperatorCli.REFUSED);
        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "create", "--slug", "Bad Slug", "--name",
                "x", "--admin", "not-an-email"}), organisations, out, err)).isEqualTo(OperatorCli.REFUSED);
        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "activate", "no-such-org-anywhere"}),
                organisations, out, err)).isEqualTo(OperatorCli.REFUSED);
        assertThat(OperatorCli.execute(OperatorCli.parse(new String[]{"org", "create", "--slug", uniqueSlug("cli-nul"),
                "--name", "Ac\u0000me", "--admin", "a@example.org"}), organisations, out, err))
                .isEqualTo(OperatorCli.REFUSED);

        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("already taken")
                .contains("slug: ")
                .contains("adminEmails: 'not-an-email' is not a valid email address.")
                .contains("No organisation with the slug 'no-such-org-anywhere'.")
                .contains("name: The name contains an invisible control character (U+0000), which is not allowed.");
    }

    @Test
    void wrongUsageExitsWithTwoBeforeStartingAnything() {
        assertThat(OperatorCli.run(new String[]{"org"}, out, err, Object.class)).isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"org", "create", "--slug", "x", "--name", "X"}, out, err, Object.class))
                .isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"org", "create", "--slug", "x", "--name", "X", "--admin", "a@b.org",
                "--colour", "red"}, out, err, Object.class)).isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"org", "suspend"}, out, err, Object.class)).isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"org", "rename", "x"}, out, err, Object.class)).isEqualTo(OperatorCli.USAGE);
        assertThat(OperatorCli.run(new String[]{"org", "create", "--slug"}, out, err, Object.class))
                .isEqualTo(OperatorCli.USAGE);
        String messages = errBytes.toString(StandardCharsets.UTF_8);
        // picocli's own wording: the option or argument named, then the usage
        assertThat(messages).contains("Missing required option: '--admin").contains("'--colour'")
                .contains("Missing required parameter: 'SLUG'").contains("'rename'")
                .contains("option '--slug'").contains("Usage:");
        assertThat(OperatorCli.wanted(new String[]{"org", "list"})).isTrue();
        assertThat(OperatorCli.wanted(new String[]{"--server.port=9000"})).isFalse();
    }

    @Test
    void helpIsAnsweredWithoutStartingAnything() {
        assertThat(OperatorCli.run(new String[]{"org", "--help"}, out, err, Object.class)).isEqualTo(OperatorCli.OK);
        assertThat(OperatorCli.run(new String[]{"org", "create", "--help"}, out, err, Object.class))
                .isEqualTo(OperatorCli.OK);
        assertThat(OperatorCli.run(new String[]{"reconcile", "--help"}, out, err, Object.class))
                .isEqualTo(OperatorCli.OK);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Usage: org [-hV] [COMMAND]")
                .contains("--slug=<slug>").contains("Usage: wrt.jar reconcile");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
