package io.cartbridge.opencart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shop queries, one file per query under {@code sql/<version>/}, with the configured
 * table prefix put in place of {@code ${prefix}}.
 */
public final class SqlCatalog {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]*");

    private final String version;
    private final String prefix;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SqlCatalog(String version, String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalStateException("Setting opencart.table-prefix must hold only letters,"
                    + " digits and '_', not '" + prefix + "'");
        }
        this.version = version;
        this.prefix = prefix;
    }

    public String version() {
        return version;
    }

    public String prefix() {
        return prefix;
    }

    /** The text of a query, with the table prefix applied. */
    public String query(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private String load(String name) {
        String path = "sql/" + version + "/" + name + ".sql";
        try (InputStream in = SqlCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No query " + path + " for OpenCart " + version);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${prefix}", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
