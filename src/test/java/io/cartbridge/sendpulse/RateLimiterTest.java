package io.cartbridge.sendpulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void should_never_let_more_than_the_limit_out_in_any_second_across_threads() throws Exception {
        RateLimiter limiter = new RateLimiter(20);
        List<Long> sent = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 50; i++) {
            senders.submit(() -> {
                limiter.acquire();
                synchronized (sent) {
                    sent.add(System.nanoTime());
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        List<Long> times = new ArrayList<>(sent);
        times.sort(Long::compare);
        assertThat(times).hasSize(50);
        for (int i = 20; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 20))
                    .as("request %d and the 20th before it", i)
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void should_hold_every_sender_back_after_a_pause() {
        RateLimiter limiter = new RateLimiter(1000);
        limiter.pause(java.time.Duration.ofMillis(300));

        long waited = limiter.acquire();

        assertThat(waited).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    }
}
