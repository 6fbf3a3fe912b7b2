package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.query.api.OrganisationView;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
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
            "  java -jar wrt.jar org create --slug SLUG --name NAME --admin EMAIL [--admin EMAIL ...] [--auditor EMAIL ...]",
            "  java -jar wrt.jar org list",
            "  java -jar wrt.jar org suspend SLUG [--reason TEXT]",
            "  java -jar wrt.jar org activate SLUG",
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
                            parsed.single("slug"), parsed.single("name"), parsed.all("admin"), parsed.all("auditor")));
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

    static Parsed parse(String[] args) {
        if (args.length < 2 || !"org".equals(args[0])) {
            throw new IllegalArgumentException("Missing command.");
        }
        String action = args[1];
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("Option --" + name + " needs a value.");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                positional.add(arg);
            }
        }
        switch (action) {
            case "create":
                allow(options, "slug", "name", "admin", "auditor");
                require(options, "slug", "name", "admin");
                once(options, "slug", "name");
                if (!positional.isEmpty()) {
                    throw new IllegalArgumentException("Unexpected argument: " + positional.get(0));
                }
                return new Parsed(action, null, options);
            case "list":
                allow(options);
                if (!positional.isEmpty()) {
                    throw new IllegalArgumentException("Unexpected argument: " + positional.get(0));
                }
                return new Parsed(action, null, options);
            case "suspend":
            case "activate":
                if ("suspend".equals(action)) {
                    allow(options, "reason");
                    once(options, "reason");
                } else {
                    allow(options);
                }
                if (positional.size() != 1) {
                    throw new IllegalArgumentException("Name exactly one organisation slug.");
                }
                return new Parsed(action, positional.get(0), options);
            default:
                throw new IllegalArgumentException("Unknown command: org " + action);
        }
    }

    private static void allow(Map<String, List<String>> options, String... names) {
        for (String name : options.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + ".");
            }
        }
    }

    private static void require(Map<String, List<String>> options, String... names) {
        for (String name : names) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("Missing --" + name + ".");
            }
        }
    }

    private static void once(Map<String, List<String>> options, String... names) {
        for (String name : names) {
            if (options.getOrDefault(name, List.of()).size() > 1) {
                throw new IllegalArgumentException("--" + name + " may be given once.");
            }
        }
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
