package io.cartbridge.config;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed view of the service's configuration. Values come from application.properties, the
 * environment and overrides, resolved by Camel's property component.
 */
public final class Settings {

    private final Function<String, Optional<String>> lookup;

    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public String text(String key, String defaultValue) {
        return lookup.apply(key).map(String::trim).orElse(defaultValue);
    }

    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "Setting " + key + " (environment " + environmentName(key) + ") is required"));
    }

    public int integer(String key, int defaultValue) {
        return optional(key).map(value -> parse(key, value, Integer::parseInt))
                .orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue) {
        return optional(key).map(value -> parse(key, value, Double::parseDouble))
                .orElse(defaultValue);
    }

    public boolean flag(String key, boolean defaultValue) {
        return optional(key).map(value -> parse(key, value, Settings::parseBoolean))
                .orElse(defaultValue);
    }

    public Duration millis(String key, long defaultMillis) {
        return Duration.ofMillis(optional(key).map(value -> parse(key, value, Long::parseLong))
                .orElse(defaultMillis));
    }

    /** The environment variable that overrides a key: upper case, dots and dashes as '_'. */
    public static String environmentName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Setting " + key + " has an invalid value '" + value
                    + "': " + e.getMessage(), e);
        }
    }
}
