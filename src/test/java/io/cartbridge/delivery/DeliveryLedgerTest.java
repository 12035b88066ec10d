package io.cartbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cartbridge.config.ServiceConfiguration;
import io.cartbridge.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may take a claim: never while the instance that holds it checks in and the lease runs,
 * at once when that instance has stopped checking in.
 */
class DeliveryLedgerTest {

    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Long enough that no check-in of the test's own comes between its steps. */
    private static final Duration CHECKIN = Duration.ofMinutes(1);

    private TestDatabase state;
    private Instances first;
    private Instances second;
    private DeliveryLedger firstLedger;
    private DeliveryLedger secondLedger;

    @BeforeEach
    void start_two_instances() {
        state = TestDatabase.create("ledger");
        ServiceConfiguration.migrate(state.dataSource());
        first = new Instances(state.dataSource(), CHECKIN);
        second = new Instances(state.dataSource(), CHECKIN);
        first.start();
        second.start();
        firstLedger = new DeliveryLedger(state.dataSource(), Clock.systemUTC(), LEASE, first);
        secondLedger = new DeliveryLedger(state.dataSource(), Clock.systemUTC(), LEASE, second);
    }

    @AfterEach
    void stop() {
        first.stop();
        second.stop();
        state.close();
    }

    @Test
    void should_leave_the_claims_of_a_live_instance_to_it() {
        assertThat(firstLedger.claimAll(claims("purchase:1", "purchase:2")))
                .containsExactlyInAnyOrder("purchase:1", "purchase:2");

        assertThat(secondLedger.claimAll(claims("purchase:1", "purchase:2", "purchase:3")))
                .containsExactly("purchase:3");
        LedgerEntry held = secondLedger.find(List.of("purchase:1")).get("purchase:1");
        assertThat(held.claimedBy()).isEqualTo(first.id());
        assertThat(secondLedger.claimsInForce().test(held)).isTrue();
    }

    @Test
    void should_take_the_claims_of_an_instance_that_stopped_checking_in() {
        firstLedger.claimAll(claims("purchase:1", "purchase:2"));
        firstLedger.markSent("purchase:2");
        missCheckIns(first);

        assertThat(second.alive()).containsExactly(second.id());
        LedgerEntry orphan = secondLedger.find(List.of("purchase:1")).get("purchase:1");
        assertThat(secondLedger.claimsInForce().test(orphan)).isFalse();
        assertThat(secondLedger.claimAll(claims("purchase:1", "purchase:2")))
                .containsExactly("purchase:1");
        assertThat(secondLedger.find(List.of("purchase:1")).get("purchase:1").claimedBy())
                .isEqualTo(second.id());
        // The first instance, were it only slow, no longer holds the item.
        assertThat(firstLedger.claimAll(claims("purchase:1"))).isEmpty();
    }

    @Test
    void should_keep_a_claim_without_a_holder_until_the_lease_ends() {
        state.run("INSERT INTO sync_ledger (item_key, kind, status, attempts, claimed_at,"
                + " updated_at) VALUES ('purchase:7', 'purchase', 'claimed', 1,"
                + " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)), ('purchase:8', 'purchase', 'claimed',"
                + " 1, UTC_TIMESTAMP(3) - INTERVAL 11 MINUTE, UTC_TIMESTAMP(3))");

        assertThat(secondLedger.claimAll(claims("purchase:7", "purchase:8")))
                .containsExactly("purchase:8");
    }

    @Test
    void should_list_every_instance_and_forget_one_that_stopped() {
        missCheckIns(first);

        Map<String, Boolean> alive = new HashMap<>();
        second.seen().forEach(seen -> alive.put(seen.id(), seen.alive()));
        assertThat(alive).containsEntry(first.id(), false).containsEntry(second.id(), true);
        second.stop();
        assertThat(first.seen()).extracting(Instances.Seen::id).containsExactly(first.id());
    }

    /** What a killed instance leaves: its last check-in grows old. */
    private void missCheckIns(Instances instance) {
        state.run("UPDATE sync_instance SET seen_at = UTC_TIMESTAMP(3) - INTERVAL 3 MINUTE"
                + " WHERE instance_id = '" + instance.id() + "'");
    }

    private static List<DeliveryLedger.Claim> claims(String... keys) {
        return Arrays.stream(keys)
                .map(key -> new DeliveryLedger.Claim(key, "purchase", null, null)).toList();
    }
}
