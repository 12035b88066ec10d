package io.cartbridge.delivery;

import io.cartbridge.opencart.EventKind;

/**
 * One request to SendPulse: the item's key, the endpoint path and the exact body. The body is
 * built once, so every retry and every replay sends the same bytes.
 *
 * @param position where a cursor-driven detector may resume once this item is handled, or 0
 * @param run the poll (or replay) whose figures this item counts in
 * @param replay whether an operator replays this item from the error store
 * @param contactUpdate for a purchase, the address-book contact to add once the event is
 *     sent, or null
 */
public record Delivery(EventKind kind, String key, String path, byte[] body, String email,
                       long position, PollRun run, boolean replay, byte[] contactUpdate) {
}
