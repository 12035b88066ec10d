package io.cartbridge.sendpulse;

import java.util.function.LongConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs before every call to SendPulse, the first and each retry: waits for the account's rate
 * limit, drops a token that SendPulse refused, and sets a fresh {@code Authorization} header
 * and the path of the call.
 */
public final class SendPulseAuth implements Processor {

    /** Exchange property: the path of the call, e.g. {@code /events/name/purchase}. */
    public static final String PATH = "CartbridgePath";

    private final TokenProvider tokens;
    private final RateLimiter limiter;
    private final LongConsumer waited;

    /** @param waited told how many nanoseconds each call waited for the rate limit */
    public SendPulseAuth(TokenProvider tokens, RateLimiter limiter, LongConsumer waited) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.waited = waited;
    }

    @Override
    public void process(Exchange exchange) {
        String refused = exchange.getProperty(FailureClassifier.REFUSED_TOKEN, String.class);
        if (refused != null) {
            exchange.removeProperty(FailureClassifier.REFUSED_TOKEN);
            tokens.invalidate(refused);
        }
        Integer attempts = exchange.getProperty(FailureClassifier.ATTEMPTS, Integer.class);
        exchange.setProperty(FailureClassifier.ATTEMPTS, attempts == null ? 1 : attempts + 1);
        exchange.getMessage().removeHeader("Authorization");
        String token = tokens.token();
        waited.accept(limiter.acquire());
        exchange.getMessage().setHeader("Authorization", "Bearer " + token);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, exchange.getProperty(PATH));
    }
}
