package io.cartbridge;

import java.util.Map;

/** Starts the service from the command line, with application.properties in the working folder. */
public final class App {

    private App() {
    }

    /**
     * With {@code --backfill [from] [to]}, imports past consenting customers into the SendPulse
     * address book (dates YYYY-MM-DD) and exits; otherwise runs the sync.
     */
    public static void main(String[] args) throws Exception {
        int exitCode;
        if (args.length > 0 && args[0].equals("--backfill")) {
            try (SyncService service = new SyncService(Map.of("sync.once", "true"))) {
                exitCode = service.backfill(args.length > 1 ? args[1] : null,
                        args.length > 2 ? args[2] : null);
            }
        } else {
            try (SyncService service = new SyncService(Map.of())) {
                exitCode = service.run();
            }
        }
        System.exit(exitCode);
    }
}
