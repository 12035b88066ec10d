package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMX password file is checked before anything starts, with one line on what is wrong. */
class JmxPasswordFileTest {

    @TempDir
    Path folder;

    private Path file(String text, String permissions) throws IOException {
        Path file = folder.resolve("jmx.password");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void should_accept_a_file_only_its_owner_can_read() throws IOException {
        assertThatCode(() -> JmxRemote.check(file("operator s3cret\n", "rw-------")))
                .doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_file_other_users_can_read() throws IOException {
        Path open = file("operator s3cret\n", "rw-r--r--");
        assertThatThrownBy(() -> JmxRemote.check(open))
                .hasMessageContaining("can be read or written by other users")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void should_name_a_user_without_a_password_and_a_missing_setting() throws IOException {
        Path half = file("operator\n", "rw-------");
        assertThatThrownBy(() -> JmxRemote.check(half))
                .hasMessageContaining("a user and no password: 'operator'");
        assertThatThrownBy(() -> JmxRemote.check(null))
                .hasMessageStartingWith("Setting management.jmx-port needs"
                        + " management.jmx-password-file (MANAGEMENT_JMX_PASSWORD_FILE)");
    }
}
