package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.adapters.jobs.RoundReconciliation;
import org.oostkit.wrt.query.processing.DeadLetterAdmin;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code java -jar wrt.jar dead-letters …} and {@code java -jar wrt.jar reconcile …}: the operator API's dead
 * letters and reconciliation from a shell ({@link OperatorCli} starts the application context). Exit codes as
 * there: 0 done (a reconciliation found no drift, a retry succeeded), 1 refused or not as hoped (unknown
 * processor or letter, a retry that failed again, a drift found), 2 wrong usage.
 */
final class MaintenanceCli {

    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "  java -jar wrt.jar dead-letters list [GROUP]",
            "  java -jar wrt.jar dead-letters retry GROUP [EVENT_ID]",
            "  java -jar wrt.jar dead-letters evict GROUP EVENT_ID",
            "  java -jar wrt.jar reconcile [ROUND_ID]");

    private static final int MAX_LIST = 1_000;

    private MaintenanceCli() {
    }

    static boolean wanted(String[] args) {
        return args.length > 0 && ("dead-letters".equals(args[0]) || "reconcile".equals(args[0]));
    }

    /** The command, checked before anything starts. */
    record Command(String name, String action, List<String> arguments) {
    }

    /** The arguments as picocli read them; a usage error is an {@link IllegalArgumentException}. */
    static Command parse(String[] args) {
        CommandLine.ParseResult result;
        try {
            result = new CommandLine(new Root()).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        CommandLine.ParseResult top = result.subcommand();
        CommandLine.ParseResult leaf = top.subcommand() == null ? top : top.subcommand();
        if (leaf.commandSpec().userObject() instanceof DeadLetters) {
            throw new IllegalArgumentException("Missing command.");
        }
        List<String> arguments = new ArrayList<>();
        leaf.matchedPositionals().forEach(positional -> arguments.add(positional.getValue()));
        if (leaf.commandSpec().userObject() instanceof Reconcile && !arguments.isEmpty()) {
            uuid(arguments.get(0));
        }
        return new Command(top.commandSpec().name(),
                leaf == top ? "check" : leaf.commandSpec().name(), List.copyOf(arguments));
    }

    /** Prints the help asked for with {@code --help}; false when none was. */
    static boolean helpRequested(String[] args, PrintStream out) {
        CommandLine cli = new CommandLine(new Root());
        cli.setOut(new PrintWriter(out, true));
        try {
            return CommandLine.printHelpIfRequested(cli.parseArgs(args));
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    @CommandLine.Command(name = "wrt.jar", subcommands = {DeadLetters.class, Reconcile.class})
    static final class Root {
    }

    @CommandLine.Command(name = "dead-letters", mixinStandardHelpOptions = true, description = "Events a projection could not apply.",
            subcommands = {ListLetters.class, Retry.class, Evict.class})
    static final class DeadLetters {
    }

    @CommandLine.Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the dead letters (of one processor).")
    static final class ListLetters {
        @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP")
        String group;
    }

    @CommandLine.Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Applies a processor's dead letters (or one of them) again.")
    static final class Retry {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;
        @Parameters(index = "1", arity = "0..1", paramLabel = "EVENT_ID")
        String event;
    }

    @CommandLine.Command(name = "evict", mixinStandardHelpOptions = true, description = "Drops a dead letter: it is never applied.")
    static final class Evict {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;
        @Parameters(index = "1", paramLabel = "EVENT_ID")
        String event;
    }

    @CommandLine.Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Compares recorded invitations with the mail outbox (of one round).")
    static final class Reconcile {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ROUND_ID")
        String round;
    }

    static int execute(Command command, DeadLetterAdmin letters, RoundReconciliation reconciliation,
                       PrintStream out, PrintStream err) {
        try {
            return "reconcile".equals(command.name()) ? reconcile(command, reconciliation, out)
                    : deadLetters(command, letters, out);
        } catch (DeadLetterAdmin.UnknownGroup | DeadLetterAdmin.UnknownLetter | RoundReconciliation.UnknownRound e) {
            err.println(e.getMessage());
            return OperatorCli.REFUSED;
        }
    }

    private static int deadLetters(Command command, DeadLetterAdmin admin, PrintStream out) {
        List<String> args = command.arguments();
        switch (command.action()) {
            case "list" -> {
                String group = args.isEmpty() ? null : args.get(0);
                for (String name : group == null ? admin.groups() : List.of(group)) {
                    out.println(name + ": " + (long) admin.queued(name) + " dead letter(s)");
                }
                for (DeadLetterAdmin.Letter letter : admin.list(group, MAX_LIST)) {
                    out.println(String.join("\t", letter.group(), letter.eventId(), letter.eventType(),
                            "organisation " + letter.organisation(), "sequence " + letter.sequence(),
                            "since " + letter.enqueuedAt(), "last tried " + letter.lastTouched(),
                            String.valueOf(letter.cause())));
                }
                return OperatorCli.OK;
            }
            case "retry" -> {
                if (args.size() == 1) {
                    int healed = admin.retryAll(args.get(0));
                    out.println("Retried " + args.get(0) + ": " + healed + " sequence(s) processed, "
                            + (long) admin.queued(args.get(0)) + " dead letter(s) left");
                    return OperatorCli.OK;
                }
                DeadLetterAdmin.Outcome outcome = admin.retry(args.get(0), args.get(1));
                out.println("Retried " + args.get(1) + " in " + args.get(0) + ": "
                        + outcome.name().toLowerCase().replace('_', ' '));
                return outcome == DeadLetterAdmin.Outcome.SUCCEEDED ? OperatorCli.OK : OperatorCli.REFUSED;
            }
            default -> {
                admin.evict(args.get(0), args.get(1));
                out.println("Evicted " + args.get(1) + " from " + args.get(0) + ": it will not be applied");
                return OperatorCli.OK;
            }
        }
    }

    private static int reconcile(Command command, RoundReconciliation reconciliation, PrintStream out) {
        List<RoundReconciliation.Report> reports = command.arguments().isEmpty() ? reconciliation.check()
                : List.of(reconciliation.round(uuid(command.arguments().get(0))));
        boolean drift = false;
        for (RoundReconciliation.Report report : reports) {
            drift |= report.drift();
            out.println(String.join("\t", "round " + report.roundId(), "organisation " + report.organisationId(),
                    "recorded " + report.recorded(), "outbox " + report.outboxRows(),
                    "contacts " + report.contactRows(), "handed over " + report.handedOver(),
                    "pending " + report.pending(), "not sent " + report.notSent(),
                    report.drift() ? "DRIFT: " + String.join("; ", report.problems()) : "ok"));
        }
        out.println(reports.size() + " round(s) checked" + (drift ? ", drift found" : ", no drift"));
        return drift ? OperatorCli.REFUSED : OperatorCli.OK;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a round id: " + value);
        }
    }
}
