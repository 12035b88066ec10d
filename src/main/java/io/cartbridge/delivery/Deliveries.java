package io.cartbridge.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cartbridge.ops.Masking;
import io.cartbridge.ops.SyncMetrics;
import io.cartbridge.sendpulse.Failure;
import io.cartbridge.sendpulse.FailureClassifier;
import io.cartbridge.sendpulse.RejectedException;
import io.cartbridge.sendpulse.SendPulseAuth;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the delivery route: claim the item in the ledger, shape the request, check
 * SendPulse's answer, and record the outcome as sent or failed.
 */
public final class Deliveries {

    /** Exchange property: the item being delivered. */
    public static final String DELIVERY = "CartbridgeDelivery";

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryLedger ledger;
    private final ErrorStore errors;
    private final FailureClassifier classifier;
    private final DryRunWriter dryRun;
    private final SyncMetrics metrics;
    private final String contactPath;
    private final Supplier<ProducerTemplate> templates;
    private final Clock clock;

    /** @param contactPath where purchase contact updates go, e.g. /addressbooks/1/emails */
    public Deliveries(DeliveryLedger ledger, ErrorStore errors, FailureClassifier classifier,
                      DryRunWriter dryRun, SyncMetrics metrics, String contactPath,
                      Supplier<ProducerTemplate> templates, Clock clock) {
        this.ledger = ledger;
        this.errors = errors;
        this.classifier = classifier;
        this.dryRun = dryRun;
        this.metrics = metrics;
        this.contactPath = contactPath;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Sets the exact body and only the headers SendPulse needs. The item comes as the body from
     * a poll, which has claimed it, or as a property from a replay.
     */
    public void prepare(Exchange exchange) {
        Delivery delivery = exchange.getProperty(DELIVERY, Delivery.class);
        if (delivery == null) {
            delivery = exchange.getMessage().getBody(Delivery.class);
            exchange.setProperty(DELIVERY, delivery);
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        exchange.getMessage().setHeader("Accept", "application/json");
        exchange.getMessage().setBody(delivery.body());
        exchange.setProperty(SendPulseAuth.PATH, delivery.path());
    }

    /** A 2xx answer with {@code "result": false} is a refusal, not a success. */
    public void checkAnswer(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200,
                Integer.class);
        if (body != null && !body.isBlank()) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json != null && json.path("result").isBoolean()
                        && !json.path("result").asBoolean()) {
                    throw new RejectedException(status, body);
                }
            } catch (IOException notJson) {
                LOG.debug("SendPulse answered a non-JSON body with HTTP {}", status);
            }
        }
    }

    public void sent(Exchange exchange) {
        Delivery delivery = exchange.getProperty(DELIVERY, Delivery.class);
        try {
            ledger.markSent(delivery.key());
        } catch (RuntimeException e) {
            LOG.error("{} was accepted by SendPulse but the ledger could not record it; it may"
                    + " be sent again after the claim lease: {}", delivery.key(), e.getMessage());
        }
        if (delivery.replay()) {
            errors.markDelivered(delivery.key());
            metrics.replayed(delivery.kind().keyPrefix());
            LOG.info("Replayed {} ({}): delivered", delivery.key(),
                    Masking.email(delivery.email()));
        }
        delivery.run().sent();
        if (delivery.contactUpdate() != null) {
            updateContact(exchange, delivery);
        }
        metrics.delivered(delivery.kind().keyPrefix(),
                Duration.between(delivery.run().started(), clock.instant()));
        LOG.debug("Sent {} to {}", delivery.key(), delivery.path());
    }

    /**
     * Adds the buyer to the address book after the purchase event. A failure here only costs a
     * fresher contact, so it is logged and the event stays sent.
     */
    private void updateContact(Exchange exchange, Delivery delivery) {
        Exchange answer = templates.get().send(
                "direct:send-contacts", contact -> {
                    contact.getMessage().setHeader(Exchange.CONTENT_TYPE,
                            "application/json; charset=UTF-8");
                    contact.getMessage().setBody(delivery.contactUpdate());
                    contact.setProperty(SendPulseAuth.PATH, contactPath);
                });
        if (answer.getException() != null) {
            LOG.warn("{}: the address-book contact of {} was not updated: {}", delivery.key(),
                    Masking.email(delivery.email()), answer.getException().getMessage());
        }
    }

    /**
     * Keeps a failed item in the error store. When that is impossible the claim is given up,
     * so that the next poll finds the item again.
     */
    public void failed(Exchange exchange) {
        Delivery delivery = exchange.getProperty(DELIVERY, Delivery.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Failure failure = classifier.describe(error);
        int attempts = exchange.getProperty(FailureClassifier.ATTEMPTS, 1, Integer.class);
        if (!delivery.replay() && exchange.getContext().isStopping() && failure.retryable()) {
            // Stopping in the middle of retries: the next start sends it, as after a crash.
            try {
                ledger.release(delivery.key());
                LOG.info("{} ({}) was not sent before the stop ({}); given back for the next"
                        + " start", delivery.key(), Masking.email(delivery.email()),
                        failure.message());
            } catch (RuntimeException e) {
                LOG.warn("{} was not sent before the stop; its claim stays until another"
                        + " instance sees that this one is gone: {}", delivery.key(),
                        e.getMessage());
            }
            delivery.run().unrecorded(delivery.position());
            return;
        }
        try {
            errors.record(delivery, "POST " + delivery.path(), failure, attempts);
            delivery.run().failed();
            LOG.error("{} ({}) failed after {} attempt(s) and is in the error store: HTTP {} {}",
                    delivery.key(), Masking.email(delivery.email()), attempts,
                    failure.httpStatus() == null ? "-" : failure.httpStatus(), failure.message());
        } catch (RuntimeException e) {
            LOG.error("{} failed ({}) and the error store could not keep it ({}); it stays open"
                    + " for the next poll", delivery.key(), failure.message(), e.getMessage());
            try {
                if (delivery.replay()) {
                    ledger.returnToFailed(delivery.key());
                } else {
                    ledger.release(delivery.key());
                }
            } catch (RuntimeException releaseError) {
                LOG.error("The claim of {} could not be given up either; it is taken again after"
                        + " the claim lease", delivery.key());
            }
            delivery.run().unrecorded(delivery.position());
        }
    }

    public void dryRun(Exchange exchange) {
        Delivery delivery = exchange.getMessage().getBody(Delivery.class);
        dryRun.write(delivery);
        delivery.run().sent();
    }

    /** The fingerprint of the body, kept in the ledger. */
    static String hash(Delivery delivery) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(delivery.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
