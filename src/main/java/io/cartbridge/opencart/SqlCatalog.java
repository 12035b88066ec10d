package io.cartbridge.opencart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shop queries, one file per query, with the configured table prefix put in place of
 * {@code ${prefix}}. A version folder holds only the queries that differ from the version
 * before it: 4.1 is looked up in 4.1, 4.0, 3.0 and common, in that order.
 */
public final class SqlCatalog {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]*");
    private static final List<String> VERSIONS = List.of("4.1", "4.0", "3.0");

    private final String version;
    private final String prefix;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SqlCatalog(String version, String prefix) {
        if (!VERSIONS.contains(version)) {
            throw new IllegalStateException("Setting opencart.version must be auto, 3.0, 4.0 or"
                    + " 4.1, not '" + version + "'");
        }
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

    /** Whether this version puts the language in product URLs (4.x) or not (3.0). */
    public boolean languageInUrls() {
        return !version.equals("3.0");
    }

    private String load(String name) {
        List<String> folders = new ArrayList<>(VERSIONS.subList(VERSIONS.indexOf(version),
                VERSIONS.size()));
        folders.add("common");
        for (String folder : folders) {
            String path = "sql/" + folder + "/" + name + ".sql";
            try (InputStream in = SqlCatalog.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("${prefix}", prefix);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        throw new IllegalStateException("No query " + name + " for OpenCart " + version);
    }
}
