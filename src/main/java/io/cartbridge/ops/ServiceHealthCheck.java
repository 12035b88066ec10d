package io.cartbridge.ops;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One readiness check of the service, shown on the management port's health endpoint next to
 * Camel's own checks of the context and the routes. The probe returns null when all is well,
 * or what is wrong; an exception counts as down.
 */
public final class ServiceHealthCheck extends AbstractHealthCheck {

    private final Supplier<String> probe;

    public ServiceHealthCheck(String id, Supplier<String> probe) {
        super("cartbridge", id);
        this.probe = probe;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            String problem = probe.get();
            if (problem == null) {
                builder.up();
            } else {
                builder.message(problem).down();
            }
        } catch (RuntimeException e) {
            builder.message(e.getMessage()).error(e).down();
        }
    }
}
