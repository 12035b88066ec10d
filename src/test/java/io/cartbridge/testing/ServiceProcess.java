package io.cartbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate process, started the way an operator starts it (the App main
 * class, application.properties and routes/ in the working folder), configured through the
 * environment, so that tests can stop it or kill it mid-batch.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the service with these settings, given as environment variables. */
    public static ServiceProcess start(Map<String, String> settings, String... args)
            throws IOException {
        Path log = Files.createTempFile("cartbridge-process", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.cartbridge.App"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        settings.forEach((key, value) -> builder.environment().put(
                key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        return new ServiceProcess(builder.start(), log);
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    /** SIGTERM: the service stops gracefully. Waits for the process to end. */
    public int stop() throws InterruptedException {
        process.destroy();
        return waitFor();
    }

    /** SIGKILL: the service dies on the spot. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        waitFor();
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The service process did not end:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
