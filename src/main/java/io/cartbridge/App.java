package io.cartbridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the service from the command line, with application.properties in the working folder. */
public final class App {

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
        try {
            checkConfiguration();
            if (args.length > 0 && args[0].equals("--backfill")) {
                try (SyncService service = new SyncService(Map.of("sync.once", "true"))) {
                    exitCode = service.backfill(args.length > 1 ? args[1] : null,
                            args.length > 2 ? args[2] : null);
                }
            } else if (args.length > 0 && args[0].equals("--replay")) {
                try (SyncService service = new SyncService(Map.of("sync.once", "true"))) {
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
