package io.cartbridge.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cartbridge.ops.Masking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a dry run, writes each request that would go to SendPulse as one JSON line (time, method,
 * path, body) instead of sending it.
 */
public final class DryRunWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public DryRunWriter(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Drops the lines written before the given time; returns how many. */
    public synchronized int purge(java.time.Instant before) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            java.util.List<String> kept = new java.util.ArrayList<>();
            int dropped = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String time = line.isBlank() ? "" : JSON.readTree(line).path("time").asText("");
                if (!time.isEmpty() && java.time.Instant.parse(time).isBefore(before)) {
                    dropped++;
                } else {
                    kept.add(line);
                }
            }
            if (dropped > 0) {
                Files.write(file, kept, StandardCharsets.UTF_8);
            }
            return dropped;
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("Cannot purge the dry-run file " + file, e);
        }
    }

    public synchronized void write(Delivery delivery) {
        try {
            ObjectNode line = JSON.createObjectNode();
            line.put("time", clock.instant().toString());
            line.put("key", delivery.key());
            line.put("method", "POST");
            line.put("path", delivery.path());
            line.set("body", JSON.readTree(delivery.body()));
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dry-run file " + file, e);
        }
        LOG.info("Dry run: would POST {} for {} ({})", delivery.path(), delivery.key(),
                Masking.email(delivery.email()));
    }
}
