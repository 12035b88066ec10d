package io.cartbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cartbridge.delivery.ErrorEntry;
import io.cartbridge.delivery.ErrorStore;
import io.cartbridge.testing.SendPulseStandIn;
import io.cartbridge.testing.ServiceHarness;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full sync with failures and a replay, then every log line at INFO and above and every JMX
 * attribute is searched for secrets and whole emails.
 */
class SecretsAndPrivacyTest {

    private static final List<String> EMAILS = List.of("secret.buyer@example.test",
            "rejected.buyer@example.test", "cart.owner@example.test");

    @Test
    void should_never_show_a_secret_or_a_whole_email() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        List<String> attributes = new ArrayList<>();
        try (ServiceHarness harness = ServiceHarness.onSubset()) {
            harness.runOnce();
            int owner = harness.activity.customer("cart.owner@example.test", "Cy", "Owner",
                    "+44 20 7946 0001", true, true);
            harness.activity.cartLine(owner, 40, 1, "[]", harness.activity.minutesAgo(90));
            purchase(harness, "secret.buyer@example.test");
            purchase(harness, "rejected.buyer@example.test");
            harness.sendPulse.failNextEvents(1, 503, "text/html", "<html>busy</html>");
            harness.sendPulse.expireTokens();
            harness.runOnce();
            harness.sendPulse.failEvents(422, "application/json",
                    "{\"error_code\":21356,\"message\":\"Badly formed data\"}");
            purchase(harness, "rejected.buyer@example.test");
            harness.runOnce();
            harness.sendPulse.heal();
            SyncOperations operations = harness.service().context().getRegistry()
                    .lookupByNameAndType("syncOperations", SyncOperations.class);
            for (ErrorEntry entry : harness.service().context().getRegistry()
                    .lookupByNameAndType("errorStore", ErrorStore.class)
                    .entries(ErrorEntry.FAILED)) {
                operations.replay(entry.id());
            }
            attributes.addAll(allAttributes());

            List<String> secrets = new ArrayList<>(List.of(SendPulseStandIn.CLIENT_SECRET));
            harness.sendPulse.received().forEach(event -> secrets.add(event.token()));
            List<String> lines = logs.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(ILoggingEvent::getFormattedMessage).toList();

            assertThat(harness.sendPulse.received()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(lines).isNotEmpty().anyMatch(line -> line.contains("r***@example.test"));
            for (String secret : secrets) {
                assertThat(lines).noneMatch(line -> line.contains(secret));
                assertThat(attributes).noneMatch(value -> value.contains(secret));
            }
            for (String email : EMAILS) {
                assertThat(lines).noneMatch(line -> line.contains(email));
                assertThat(attributes).noneMatch(value -> value.contains(email));
            }
        } finally {
            root.detachAppender(logs);
        }
    }

    private static List<String> allAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        Set<ObjectName> names = server.queryNames(null, null);
        for (ObjectName name : names) {
            String domain = name.getDomain();
            if (!domain.equals("org.apache.camel") && !domain.equals("io.cartbridge")) {
                continue;
            }
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                try {
                    Object value = server.getAttribute(name, attribute.getName());
                    values.add(name + " " + attribute.getName() + " " + deepText(value));
                } catch (Exception | Error unreadable) {
                    values.add(name + " " + attribute.getName() + " (unreadable)");
                }
            }
        }
        return values;
    }

    private static String deepText(Object value) {
        if (value instanceof Object[] array) {
            return java.util.Arrays.deepToString(array);
        }
        return String.valueOf(value);
    }

    private static void purchase(ServiceHarness harness, String email) {
        int order = harness.activity.order().contact(email, "Pat", "Buyer", "+44 20 7946 0002")
                .added(harness.activity.minutesAgo(5))
                .line(40, "iPhone", "IP-1", 1, "101.0000", "0").create();
        harness.activity.history(order, 2, harness.activity.minutesAgo(5));
    }
}
