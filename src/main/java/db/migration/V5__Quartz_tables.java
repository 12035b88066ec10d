package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's own tables, for instances that share their schedules (sync.cluster). They are made
 * from the script that the Quartz library ships, so they always match its version; Flyway's
 * lock keeps two instances from creating them at once.
 */
public class V5__Quartz_tables extends BaseJavaMigration {

    private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql";

    @Override
    public void migrate(Context context) throws Exception {
        StringBuilder script = new StringBuilder();
        for (String line : read().split("\n")) {
            if (!line.startsWith("#") && !line.startsWith("--")) {
                script.append(line).append('\n');
            }
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : script.toString().split(";")) {
                String trimmed = sql.trim();
                if (trimmed.startsWith("CREATE")) {
                    statement.execute(trimmed);
                }
            }
        }
    }

    private static String read() throws IOException {
        try (InputStream in = V5__Quartz_tables.class.getClassLoader()
                .getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's table script " + SCRIPT + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
