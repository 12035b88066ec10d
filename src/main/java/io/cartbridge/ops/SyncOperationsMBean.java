package io.cartbridge.ops;

/**
 * What an operator sees and does over JMX: the error store and its replay, and the latest
 * polls. Camel's own route MBeans start, stop and restart the routes.
 */
public interface SyncOperationsMBean {

    /** Items in the error store that wait for a replay or a discard. */
    long getFailedCount();

    /** The latest polls, newest first, one line each with found, sent, skipped and failed. */
    String[] getLastRuns();

    /** Sales that followed a cart or checkout event, by kind and store, with their revenue. */
    String[] getRecoveries();

    /**
     * The instances that share the service database, one line each: host, process id, start,
     * last check-in, and whether it is alive; another instance takes over what a gone one had
     * claimed.
     */
    String[] getInstances();

    /** How the service authenticates at SendPulse, with every secret masked. */
    String getSendPulseCredentials();

    /** The failed entries, one line each: id, key, HTTP status, error, attempts, last failure. */
    String[] listFailed();

    /** The number of failed entries. */
    long countFailed();

    /** Sends one failed entry again, with its key and body; says what became of it. */
    String replay(long errorId);

    /** Sends every failed entry of a kind (cart, checkout or purchase) again. */
    String replayAll(String kind);

    /** Gives up one failed entry for good: it is never sent. */
    String discard(long errorId);

    /**
     * Starts importing past consenting customers into the SendPulse address book, from where
     * the last import stopped; dates (YYYY-MM-DD, or empty) limit it to customers who
     * registered or ordered in that range. Progress shows in BackfillStatus and the log.
     */
    String backfillContacts(String from, String to);

    /** How far the contact backfill has come. */
    String getBackfillStatus();
}
