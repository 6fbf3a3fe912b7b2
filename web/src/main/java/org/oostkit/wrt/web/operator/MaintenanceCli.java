package org.oostkit.wrt.web.operator;

import org.oostkit.wrt.query.processing.DeadLetterAdmin;

import java.io.PrintStream;
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

    static Command parse(String[] args) {
        if ("reconcile".equals(args[0])) {
            if (args.length > 2) {
                throw new IllegalArgumentException("Name at most one round id.");
            }
            if (args.length == 2) {
                uuid(args[1]);
            }
            return new Command("reconcile", "check", List.of(args).subList(1, args.length));
        }
        if (args.length < 2) {
            throw new IllegalArgumentException("Missing command.");
        }
        List<String> rest = List.of(args).subList(2, args.length);
        switch (args[1]) {
            case "list" -> {
                if (rest.size() > 1) {
                    throw new IllegalArgumentException("Name at most one processor.");
                }
            }
            case "retry" -> {
                if (rest.isEmpty() || rest.size() > 2) {
                    throw new IllegalArgumentException("Name a processor, and optionally an event id.");
                }
            }
            case "evict" -> {
                if (rest.size() != 2) {
                    throw new IllegalArgumentException("Name a processor and an event id.");
                }
            }
            default -> throw new IllegalArgumentException("Unknown command: dead-letters " + args[1]);
        }
        return new Command("dead-letters", args[1], rest);
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
