package io.cartbridge;

import io.cartbridge.delivery.Replayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Starts the service from the command line, with application.properties in the working folder. */
public final class App {

    private static final String USAGE = String.join("\n",
            "Usage: java -jar opencart-sendpulse.jar [--backfill [FROM [TO]] | --replay [KIND]]",
            "  (none)                 run the sync on its schedules (or one cycle with",
            "                         SYNC_ONCE=true; nothing is sent with SYNC_DRY_RUN=true)",
            "  --backfill [FROM [TO]] add past consenting customers to the address book",
            "                         (dates YYYY-MM-DD, both inclusive) and exit",
            "  --replay [KIND]        send the failed items of the error store again and exit;",
            "                         KIND is cart, checkout, purchase or all (default)",
            "  --help                 show this text",
            "Settings come from application.properties in the working folder and from",
            "environment variables (sync.once -> SYNC_ONCE).");

    /**
     * A backfill or replay runs beside the service, often from cron on the same host: no
     * schedules, and no management port, which the running service holds.
     */
    private static final Map<String, String> ONE_SHOT = Map.of("sync.once", "true",
            "camel.management.enabled", "false");

    private App() {
    }

    /**
     * With {@code --backfill [from] [to]}, imports past consenting customers into the SendPulse
     * address book (dates YYYY-MM-DD) and exits; with {@code --replay [cart|checkout|purchase|
     * all]}, sends the failed items of the error store again and exits; otherwise runs the
     * sync. A configuration error ends it with one line naming the setting, and exit code 1.
     */
    public static void main(String[] args) {
        int exitCode;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            System.exit(0);
        }
        String wrong = wrongArguments(args);
        if (wrong != null) {
            System.err.println("cartbridge: " + wrong + "\n" + USAGE);
            System.exit(2);
        }
        try {
            checkConfiguration();
            if (args.length > 0 && args[0].equals("--backfill")) {
                try (SyncService service = new SyncService(ONE_SHOT)) {
                    exitCode = service.backfill(args.length > 1 ? args[1] : null,
                            args.length > 2 ? args[2] : null);
                }
            } else if (args.length > 0 && args[0].equals("--replay")) {
                try (SyncService service = new SyncService(ONE_SHOT)) {
                    exitCode = service.replay(args.length > 1 ? args[1] : "all");
                }
            } else {
                try (SyncService service = new SyncService(Map.of())) {
                    exitCode = service.run();
                }
            }
        } catch (Exception | LinkageError e) {
            System.err.println("cartbridge: " + message(e));
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** What is wrong with the command line, or null; nothing starts on a wrong one. */
    static String wrongArguments(String[] args) {
        if (args.length == 0) {
            return null;
        }
        if (args[0].equals("--backfill")) {
            if (args.length > 3) {
                return "--backfill takes at most two dates, not " + (args.length - 1);
            }
            LocalDate from = null;
            for (int i = 1; i < args.length; i++) {
                try {
                    LocalDate date = LocalDate.parse(args[i]);
                    if (from != null && from.isAfter(date)) {
                        return "--backfill: the first date " + from + " is after the last "
                                + date;
                    }
                    from = date;
                } catch (DateTimeParseException e) {
                    return "--backfill: '" + args[i] + "' is not a date like 2026-01-31";
                }
            }
            return null;
        }
        if (args[0].equals("--replay")) {
            if (args.length > 2) {
                return "--replay takes one kind at most, not " + (args.length - 1);
            }
            if (args.length == 2 && Replayer.kinds(args[1]).isEmpty()) {
                return "--replay: '" + args[1] + "' is not one of [cart, checkout, purchase,"
                        + " all]";
            }
            return null;
        }
        return "unknown argument '" + args[0] + "'; nothing was started";
    }

    private static void checkConfiguration() {
        String location = System.getProperty("cartbridge.config");
        if (location == null && !Files.isRegularFile(Path.of("application.properties"))) {
            throw new IllegalStateException("No application.properties in "
                    + Path.of("").toAbsolutePath() + ": start the service in the folder that"
                    + " holds application.properties and routes/, or name the file with"
                    + " -Dcartbridge.config=file:/path/to/application.properties");
        }
    }

    /** The first message that says what went wrong, without a stack trace. */
    private static String message(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return error.getMessage() + (root == error ? "" : " (" + root.getMessage() + ")");
    }
}
