package org.oostkit.wrt.web.replay;

import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.query.api.OrganisationView;
import org.oostkit.wrt.web.WrtApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code java -jar wrt.jar replay [--org SLUG]}: rebuilds the read models (of one organisation, or all) in
 * this process and prints a progress line every second; exit code 0 when it completed, 1 when it failed, 2
 * for bad arguments or an unknown organisation, 3 when a replay already runs.
 * <p>
 * It starts the application without its web server against the configured database. The read-model
 * processor of a running server keeps going meanwhile: stop the servers first (or use the operator API,
 * which replays inside the server).
 * <p>
 * Wiring (in {@code WrtApplication.main}): {@code if (args.length > 0 && "replay".equals(args[0]))
 * System.exit(ReplayCommand.main(Arrays.copyOfRange(args, 1, args.length)));}
 */
public final class ReplayCommand {

    static final String USAGE = "usage: java -jar wrt.jar replay [--org SLUG]";

    private ReplayCommand() {
    }

    /** Runs the command with the arguments after {@code replay}; answers the exit code. */
    public static int main(String[] args) {
        String slug;
        try {
            slug = organisationArgument(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WrtApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run()) {
            return replay(context, slug, System.out, Duration.ofSeconds(1));
        }
    }

    /** The slug given with {@code --org}, or null for all organisations. */
    static String organisationArgument(String[] args) {
        if (args.length == 0) {
            return null;
        }
        if (args.length == 2 && ("--org".equals(args[0]) || "-o".equals(args[0])) && !args[1].isBlank()) {
            return args[1].strip();
        }
        if (args.length == 1 && args[0].startsWith("--org=") && args[0].length() > 6) {
            return args[0].substring(6).strip();
        }
        throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", Arrays.asList(args)));
    }

    /** Starts the replay in the given application and prints its progress until it ends. */
    static int replay(ApplicationContext context, String slug, PrintStream out, Duration every) {
        Replays replays = context.getBean(Replays.class);
        OrganisationView organisation = null;
        if (slug != null) {
            organisation = replays.organisation(slug).orElse(null);
            if (organisation == null) {
                out.println("no organisation has the slug '" + slug + "'");
                return 2;
            }
        }
        ReplayProgress progress;
        try {
            progress = replays.start(organisation);
        } catch (RuleViolation e) {
            out.println(e.getMessage());
            return 3;
        }
        out.println(progress.line());
        while (!progress.finished()) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("interrupted; the replay goes on in the background until this process ends");
                return 1;
            }
            progress = replays.find(progress.id()).orElseThrow();
            out.println(progress.line());
        }
        return "COMPLETED".equals(progress.status()) ? 0 : 1;
    }
}
