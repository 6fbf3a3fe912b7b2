package org.oostkit.wrt.web.audit;

import org.axonframework.queryhandling.QueryGateway;
import org.oostkit.wrt.api.audit.IntegrityReport;
import org.oostkit.wrt.api.audit.VerifyIntegrity;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.query.api.OrganisationQueries.FindOrganisationBySlug;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * {@code java -jar wrt.jar integrity verify [--org SLUG --campaign ID]}: the integrity check from the
 * command line, against the database the environment names (as the server would use). Exit code 0 when
 * every chain is intact, 1 when a link is broken, 2 for a usage error or an unknown campaign.
 * <p>
 * Wiring (first thing in {@code WrtApplication.main}):
 * {@code if (IntegrityCommandLine.handles(args)) System.exit(IntegrityCommandLine.run(WrtApplication.class, args,
 * System.out, System.err));}
 */
public final class IntegrityCommandLine {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: integrity verify [--org SLUG --campaign CAMPAIGN-ID]";

    private IntegrityCommandLine() {
    }

    /** Whether these are this command's arguments. */
    public static boolean handles(String[] args) {
        return args.length > 0 && "integrity".equals(args[0]);
    }

    /** What was asked for; null slug and campaign: the whole store. */
    record Request(String slug, UUID campaign) {
    }

    /** @throws IllegalArgumentException with the usage line when the arguments do not fit */
    static Request parse(String[] args) {
        CommandLine.ParseResult result;
        try {
            result = new CommandLine(new Integrity()).parseArgs(args.length == 0 ? args
                    : Arrays.copyOfRange(args, 1, args.length));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(USAGE_TEXT + " (" + e.getMessage() + ")", e);
        }
        if (!handles(args) || result.subcommand() == null) {
            throw new IllegalArgumentException(USAGE_TEXT);
        }
        Verify verify = (Verify) result.subcommand().commandSpec().userObject();
        if ((verify.slug == null) != (verify.campaign == null)) {
            throw new IllegalArgumentException(USAGE_TEXT + " (--org and --campaign go together)");
        }
        try {
            return new Request(verify.slug, verify.campaign == null ? null : UUID.fromString(verify.campaign));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a campaign id: " + verify.campaign);
        }
    }

    /** Prints the help asked for with {@code --help}; false when none was. */
    static boolean helpRequested(String[] args, PrintStream out) {
        if (!handles(args)) {
            return false;
        }
        CommandLine cli = new CommandLine(new Integrity());
        cli.setOut(new PrintWriter(out, true));
        try {
            return CommandLine.printHelpIfRequested(cli.parseArgs(Arrays.copyOfRange(args, 1, args.length)));
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    @Command(name = "integrity", mixinStandardHelpOptions = true, subcommands = Verify.class,
            description = "The event store's integrity check.")
    static final class Integrity {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks the hash chains of the whole store, or of one campaign.")
    static final class Verify {
        @Option(names = "--org", paramLabel = "SLUG", description = "the campaign's organisation")
        String slug;
        @Option(names = "--campaign", paramLabel = "CAMPAIGN-ID", description = "the campaign's id")
        String campaign;
    }

    /** Starts the application without its web server, runs the check, prints the report; the exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (helpRequested(args, out)) {
            return INTACT;
        }
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        // the web security configuration needs a servlet context; the server listens on a free loopback port
        // for the few seconds of the check and accepts nobody from outside
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .properties("wrt.demo=false", "spring.main.banner-mode=off", "server.port=0",
                        "server.address=127.0.0.1")
                .run()) {
            return verify(context.getBean(QueryGateway.class), request, out, err);
        }
    }

    static int verify(QueryGateway queries, Request request, PrintStream out, PrintStream err) {
        VerifyIntegrity query = VerifyIntegrity.wholeStore();
        if (request.slug() != null) {
            OrganisationView organisation = queries.query(new FindOrganisationBySlug(request.slug()),
                    OrganisationView.class).join();
            if (organisation == null) {
                err.println("no organisation " + request.slug());
                return USAGE;
            }
            query = VerifyIntegrity.campaign(organisation.organisationId(), new CampaignId(request.campaign()));
        }
        IntegrityReport report;
        try {
            report = queries.query(query, IntegrityReport.class).join();
        } catch (CompletionException e) {
            if (OperatorIntegrityController.isNotFound(e)) {
                err.println("no campaign " + request.campaign() + " in organisation " + request.slug());
                return USAGE;
            }
            throw e;
        }
        out.print(IntegrityResponse.of(report).text());
        return report.intact() ? INTACT : BROKEN;
    }
}
