package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.adapters.jobs.RoundReconciliation;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar wrt.jar org …}: the operator API's organisation operations from a shell, in an application
 * context without a web server (same database, same commands, actor {@code operator}). Exit codes: 0 done,
 * 1 refused (invalid values, slug taken, unknown organisation, database unreachable), 2 wrong usage.
 */
public final class OperatorCli {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "Usage:",
            "  java -jar wrt.jar org create --slug SLUG --name NAME --admin EMAIL [--admin EMAIL ...] [--auditor EMAIL ...]"
                    + " [--time-zone ZONE]",
            "      ZONE: an IANA time zone such as Europe/Amsterdam; without it, the default (WRT_TIME_ZONE)",
            "  java -jar wrt.jar org list",
            "  java -jar wrt.jar org suspend SLUG [--reason TEXT]",
            "  java -jar wrt.jar org activate SLUG",
            "  java -jar wrt.jar org [COMMAND] --help",
            MaintenanceCli.USAGE_TEXT,
            "Configuration comes from the same environment variables as the server (DATABASE_URL, WRT_MASTER_KEY, ...).");

    private OperatorCli() {
    }

    /** Whether the arguments ask for the command line rather than the server. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && "org".equals(args[0]) || MaintenanceCli.wanted(args);
    }

    /** Runs one command; {@code sources} are the Spring Boot application's sources, started without web server. */
    public static int run(String[] args, PrintStream out, PrintStream err, Class<?>... sources) {
        if (MaintenanceCli.wanted(args)) {
            return runMaintenance(args, out, err, sources);
        }
        if (helpRequested(args, out)) {
            return OK;
        }
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        ConfigurableApplicationContext context = start(err, sources);
        if (context == null) {
            return REFUSED;
        }
        try (context) {
            return execute(parsed, context.getBean(OperatorOrganisations.class), out, err);
        }
    }

    private static int runMaintenance(String[] args, PrintStream out, PrintStream err, Class<?>... sources) {
        if (MaintenanceCli.helpRequested(args, out)) {
            return OK;
        }
        MaintenanceCli.Command command;
        try {
            command = MaintenanceCli.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        ConfigurableApplicationContext context = start(err, sources);
        if (context == null) {
            return REFUSED;
        }
        try (context) {
            return MaintenanceCli.execute(command, context.getBean(org.oostkit.wrt.query.processing.DeadLetterAdmin.class),
                    context.getBean(RoundReconciliation.class), out, err);
        } catch (RuntimeException e) {
            err.println("Failed: " + rootMessage(e));
            return REFUSED;
        }
    }

    /** The application without a web server, or null (said on {@code err}) when it cannot start. */
    private static ConfigurableApplicationContext start(PrintStream err, Class<?>... sources) {
        try {
            return new SpringApplicationBuilder(sources)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("wrt.demo=false", "logging.level.root=WARN", "logging.level.org.oostkit=WARN")
                    .run();
        } catch (RuntimeException e) {
            err.println("Could not start WRT: " + rootMessage(e));
            return null;
        }
    }

    static int execute(Parsed parsed, OperatorOrganisations organisations, PrintStream out, PrintStream err) {
        try {
            switch (parsed.action()) {
                case "create": {
                    OrganisationId id = organisations.register(new OperatorOrganisations.NewOrganisation(
                            parsed.single("slug"), parsed.single("name"), parsed.all("admin"), parsed.all("auditor"),
                            parsed.single("time-zone")));
                    out.println("Created organisation " + parsed.single("slug").strip() + " (id " + id + ")");
                    return OK;
                }
                case "list": {
                    List<OrganisationView> all = organisations.list();
                    if (all.isEmpty()) {
                        out.println("No organisations.");
                    }
                    for (OrganisationView organisation : all) {
                        out.println(String.join("\t", organisation.slug(), organisation.status().name().toLowerCase(),
                                organisation.name(), "admins: " + String.join(", ", organisation.adminEmails()),
                                "auditors: " + String.join(", ", organisation.auditorEmails()),
                                "time zone " + organisation.timeZone().getId(),
                                "id " + organisation.organisationId()));
                    }
                    return OK;
                }
                case "suspend":
                    organisations.suspend(parsed.slug(), parsed.single("reason"));
                    out.println("Suspended organisation " + parsed.slug());
                    return OK;
                case "activate":
                    organisations.activate(parsed.slug());
                    out.println("Activated organisation " + parsed.slug());
                    return OK;
                default:
                    throw new IllegalStateException(parsed.action());
            }
        } catch (OperatorOrganisations.Invalid e) {
            e.errors().forEach((field, message) -> err.println(field + ": " + message));
            return REFUSED;
        } catch (OperatorOrganisations.SlugTaken | OperatorOrganisations.UnknownOrganisation e) {
            err.println(e.getMessage());
            return REFUSED;
        } catch (RuntimeException e) {
            err.println("Failed: " + rootMessage(e));
            return REFUSED;
        }
    }

    /** The arguments as picocli read them; a usage error is an {@link IllegalArgumentException}. */
    static Parsed parse(String[] args) {
        if (args.length < 2 || !"org".equals(args[0])) {
            throw new IllegalArgumentException("Missing command.");
        }
        CommandLine.ParseResult result;
        try {
            result = new CommandLine(new Org()).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CommandLine.ParseResult sub = result.subcommand();
        if (sub == null) {
            throw new IllegalArgumentException("Missing command.");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (CommandLine.Model.OptionSpec option : sub.matchedOptions()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                List<String> values = option.isMultiValue() ? option.<List<String>>getValue()
                        : List.of(option.<String>getValue());
                options.put(option.longestName().substring(2), List.copyOf(values));
            }
        }
        Object command = sub.commandSpec().userObject();
        String slug = command instanceof Suspend suspend ? suspend.slug
                : command instanceof Activate activate ? activate.slug : null;
        return new Parsed(sub.commandSpec().name(), slug, options);
    }

    /** Prints the help asked for with {@code --help} (of {@code org} or one of its commands); false when none was. */
    static boolean helpRequested(String[] args, PrintStream out) {
        if (args.length < 2 || !"org".equals(args[0])) {
            return false;
        }
        CommandLine cli = new CommandLine(new Org());
        cli.setOut(new PrintWriter(out, true));
        try {
            return CommandLine.printHelpIfRequested(cli.parseArgs(Arrays.copyOfRange(args, 1, args.length)));
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    @Command(name = "org", mixinStandardHelpOptions = true, description = "The operator's organisation operations.",
            subcommands = {Create.class, ListAll.class, Suspend.class, Activate.class})
    static final class Org {
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Registers an organisation.")
    static final class Create {
        @Option(names = "--slug", required = true, description = "the address part: lower-case letters, digits, -")
        String slug;
        @Option(names = "--name", required = true, description = "the name people see")
        String name;
        @Option(names = "--admin", required = true, description = "an admin's email (repeat for more)")
        List<String> admins;
        @Option(names = "--auditor", description = "an auditor's email (repeat for more)")
        List<String> auditors;
        @Option(names = "--time-zone", description = "IANA zone its deadlines are stated in, e.g. Europe/Amsterdam")
        String timeZone;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every organisation.")
    static final class ListAll {
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Pauses an organisation.")
    static final class Suspend {
        @Parameters(index = "0", paramLabel = "SLUG")
        String slug;
        @Option(names = "--reason", description = "why, for the audit trail")
        String reason;
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Activates a suspended organisation.")
    static final class Activate {
        @Parameters(index = "0", paramLabel = "SLUG")
        String slug;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    record Parsed(String action, String slug, Map<String, List<String>> options) {

        String single(String name) {
            List<String> values = options.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return options.getOrDefault(name, List.of());
        }
    }
}
