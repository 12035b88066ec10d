package io.cartbridge;

import java.util.Map;

/** Starts the service from the command line, with application.properties in the working folder. */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws Exception {
        int exitCode;
        try (SyncService service = new SyncService(Map.of())) {
            exitCode = service.run();
        }
        System.exit(exitCode);
    }
}
