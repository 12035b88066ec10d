package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cartbridge.testing.SendPulseStandIn;
import io.cartbridge.testing.ServiceHarness;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's view over a real remote JMX connection (RMI on a free port, with a password). */
class JmxOperationsTest {

    private static final String USER = "operator";
    private static final String PASSWORD = "jmx-test-password";

    @TempDir
    Path folder;

    private ServiceHarness harness;
    private int port;

    @BeforeEach
    void start_with_remote_jmx() throws IOException {
        Path passwords = folder.resolve("jmx.password");
        Files.writeString(passwords, "# user password\n" + USER + " " + PASSWORD + "\n");
        Files.setPosixFilePermissions(passwords,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        harness = ServiceHarness.onSubset().with("management.jmx-port", String.valueOf(port))
                .with("management.jmx-password-file", passwords.toString());
        harness.runOnce();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void should_replay_a_rejected_item_once_and_do_nothing_on_a_second_replay() throws Exception {
        harness.sendPulse.failNextEvents(1, 422, "application/json",
                "{\"error_code\":21356,\"message\":\"Badly formed data\"}");
        purchase("replay@example.test");
        harness.runOnce();
        assertThat(harness.sendPulse.received()).isEmpty();

        try (JMXConnector connector = connect(PASSWORD)) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName operations = operations();
            assertThat((Long) jmx.invoke(operations, "countFailed", null, null)).isEqualTo(1L);
            String[] failed = (String[]) jmx.invoke(operations, "listFailed", null, null);
            assertThat(failed).singleElement().asString().contains("purchase:").contains("21356");
            long id = Long.parseLong(failed[0].split(" ")[0]);

            String first = (String) jmx.invoke(operations, "replay", new Object[] {id},
                    new String[] {"long"});
            String second = (String) jmx.invoke(operations, "replay", new Object[] {id},
                    new String[] {"long"});

            assertThat(first).endsWith("delivered");
            assertThat(second).contains("nothing sent");
            assertThat(harness.sendPulse.emails("purchase")).containsExactly("replay@example.test");
            assertThat(jmx.getAttribute(operations, "FailedCount")).isEqualTo(0L);
        }
    }

    @Test
    void should_discard_an_entry_so_that_it_is_never_sent() throws Exception {
        harness.sendPulse.failNextEvents(1, 400, "application/json", "{\"message\":\"bad\"}");
        purchase("discard@example.test");
        harness.runOnce();

        try (JMXConnector connector = connect(PASSWORD)) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            String[] failed = (String[]) jmx.invoke(operations(), "listFailed", null, null);
            long id = Long.parseLong(failed[0].split(" ")[0]);

            jmx.invoke(operations(), "discard", new Object[] {id}, new String[] {"long"});
            String replay = (String) jmx.invoke(operations(), "replay", new Object[] {id},
                    new String[] {"long"});

            assertThat(replay).contains("discarded");
            assertThat(harness.sendPulse.received()).isEmpty();
        }
        harness.runOnce();
        assertThat(harness.sendPulse.received()).isEmpty();
    }

    @Test
    void should_restart_a_route_through_camel_route_mbeans() throws Exception {
        try (JMXConnector connector = connect(PASSWORD)) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName route = jmx.queryNames(new ObjectName(
                    "org.apache.camel:type=routes,name=\"purchases\",*"), null).iterator().next();

            jmx.invoke(route, "stop", null, null);
            assertThat(jmx.getAttribute(route, "State")).isEqualTo("Stopped");
            jmx.invoke(route, "start", null, null);
            assertThat(jmx.getAttribute(route, "State")).isEqualTo("Started");
        }
        purchase("after-restart@example.test");
        harness.runOnce();
        assertThat(harness.sendPulse.emails("purchase"))
                .containsExactly("after-restart@example.test");
    }

    @Test
    void should_mask_the_client_secret_in_attributes() throws Exception {
        try (JMXConnector connector = connect(PASSWORD)) {
            String credentials = (String) connector.getMBeanServerConnection()
                    .getAttribute(operations(), "SendPulseCredentials");

            assertThat(credentials).contains(SendPulseStandIn.CLIENT_ID).contains("******")
                    .doesNotContain(SendPulseStandIn.CLIENT_SECRET);
        }
    }

    @Test
    void should_list_this_instance_as_alive_with_its_process_id() throws Exception {
        try (JMXConnector connector = connect(PASSWORD)) {
            String[] instances = (String[]) connector.getMBeanServerConnection()
                    .getAttribute(operations(), "Instances");

            assertThat(instances).hasSize(1);
            assertThat(instances[0]).contains("pid " + ProcessHandle.current().pid())
                    .contains("alive (this instance)");
        }
    }

    @Test
    void should_refuse_a_wrong_password() {
        assertThatThrownBy(() -> connect("not-the-password")).isInstanceOf(SecurityException.class);
    }

    private JMXConnector connect(String password) throws IOException {
        JMXServiceURL url = new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] {USER, password}));
    }

    private ObjectName operations() {
        return SyncOperations.objectName(harness.service().context().getName());
    }

    private void purchase(String email) {
        int order = harness.activity.order().contact(email, "Pat", "Buyer", "")
                .added(harness.activity.minutesAgo(5))
                .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
        harness.activity.history(order, 2, harness.activity.minutesAgo(5));
    }
}
