package io.cartbridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The requests of a dry-run file, one line each, as a shop owner would want to read them. */
final class DryRunReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DryRunReport() {
    }

    static String of(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "No request would be sent to SendPulse.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"event", "key", "email", "total", "", "products"});
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode request = JSON.readTree(line);
            JsonNode body = request.path("body");
            String currency = body.path("currency").asText();
            JsonNode total = body.has("order_total") ? body.path("order_total")
                    : body.path("cart_total");
            rows.add(new String[] {event(request.path("path").asText()),
                request.path("key").asText(), body.path("email").asText(),
                amount(total.decimalValue(), currency), currency,
                body.path("products_count").asText()});
        }

        // Keys and emails vary in length; the columns follow the longest of each.
        String format = "  %-" + width(rows, 0) + "s  %-" + width(rows, 1) + "s  %-"
                + width(rows, 2) + "s  %" + width(rows, 3) + "s %-" + width(rows, 4)
                + "s  %" + width(rows, 5) + "s%n";
        StringBuilder text = new StringBuilder("Would be sent to SendPulse: ")
                .append(rows.size() - 1).append(" request(s)\n");
        rows.forEach(row -> text.append(String.format(format, (Object[]) row)));
        text.append("\nThe exact request bodies, one JSON object a line:\n  ")
                .append(file.toAbsolutePath().normalize()).append('\n');
        return text.toString();
    }

    private static int width(List<String[]> rows, int column) {
        return Math.max(1, rows.stream().mapToInt(row -> row[column].length()).max().orElse(1));
    }

    /** Bodies carry plain numbers (513.5); a reader expects the currency's digits (513.50). */
    private static String amount(BigDecimal value, String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return value.setScale(Math.max(digits, value.scale())).toPlainString();
        } catch (IllegalArgumentException unknownCurrency) {
            return value.toPlainString();
        }
    }

    /** The event name, the last part of {@code /events/name/<event>}. */
    private static String event(String path) {
        return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1),
                StandardCharsets.UTF_8);
    }
}
