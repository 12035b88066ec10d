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

    /**
     * A secret: the value of the key itself (best set in the environment), or the first line of
     * the file named by {@code <key>-file}, kept outside the repository.
     */
    public Optional<String> secret(String key) {
        Optional<String> direct = optional(key);
        if (direct.isPresent()) {
            return direct;
        }
        return optional(key + "-file").map(path -> {
            try {
                return java.nio.file.Files.readAllLines(java.nio.file.Path.of(path),
                        java.nio.charset.StandardCharsets.UTF_8).stream().findFirst()
                        .map(String::trim).orElse("");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Setting " + key + "-file names a file that"
                        + " cannot be read: " + path, e);
            }
        }).filter(value -> !value.isEmpty());
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "Setting " + key + " (environment " + environmentName(key) + ") is required"));
    }

    public int integer(String key, int defaultValue) {
        return optional(key).map(value -> parse(key, value, Integer::parseInt))
                .orElse(defaultValue);
    }

    /** An integer that must be at least {@code min}. */
    public int integer(String key, int defaultValue, int min) {
        int value = integer(key, defaultValue);
        if (value < min) {
            throw new IllegalStateException("Setting " + key + " (environment "
                    + environmentName(key) + ") must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** An integer from {@code min} to {@code max}. */
    public int integer(String key, int defaultValue, int min, int max) {
        int value = integer(key, defaultValue, min);
        if (value > max) {
            throw new IllegalStateException("Setting " + key + " (environment "
                    + environmentName(key) + ") must be at most " + max + ", not " + value);
        }
        return value;
    }

    /** One of the given words, in any letter case. */
    public String choice(String key, String defaultValue, String... allowed) {
        String value = text(key, defaultValue);
        for (String word : allowed) {
            if (word.equalsIgnoreCase(value)) {
                return word;
            }
        }
        throw new IllegalStateException("Setting " + key + " (environment "
                + environmentName(key) + ") must be one of " + String.join(", ", allowed)
                + ", not '" + value + "'");
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
            throw new IllegalStateException("Setting " + key + " (environment "
                    + environmentName(key) + ") must be a number, not '" + value + "'", e);
        }
    }
}
