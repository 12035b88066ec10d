package io.cartbridge.delivery;

import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;

/**
 * Runs one page of a poll as an exchange of its own. A backlog may take a thousand pages in
 * one cycle; what each delivery leaves with its exchange to be cleaned up when the exchange
 * completes (the HTTP client's response caches) is then released page by page, instead of
 * piling up on one exchange until the cycle ends.
 */
public final class Pages {

    private final Supplier<ProducerTemplate> templates;

    public Pages(Supplier<ProducerTemplate> templates) {
        this.templates = templates;
    }

    /** Polls one page through the given route; returns whether more pages wait. */
    public boolean run(String pageRoute) {
        PollBatch batch = templates.get().requestBody(pageRoute, null, PollBatch.class);
        return batch != null && batch.isMore();
    }
}
