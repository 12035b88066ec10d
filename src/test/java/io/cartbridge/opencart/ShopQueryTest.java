package io.cartbridge.opencart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopQueryTest {

    @Test
    void should_expand_a_list_parameter_into_one_placeholder_per_value() {
        List<Object> values = new ArrayList<>();

        String sql = ShopQuery.bind("SELECT 1 FROM t WHERE id IN (:ids) AND d < :before",
                Map.of("ids", List.of(3, 5, 8), "before", "x"), values);

        assertThat(sql).isEqualTo("SELECT 1 FROM t WHERE id IN (?, ?, ?) AND d < ?");
        assertThat(values).containsExactly(3, 5, 8, "x");
    }

    @Test
    void should_turn_an_empty_list_into_a_condition_that_matches_nothing() {
        String sql = ShopQuery.bind("WHERE id IN (:ids)", Map.of("ids", List.of()),
                new ArrayList<>());

        assertThat(sql).isEqualTo("WHERE id IN (NULL)");
    }

    @Test
    void should_ignore_comments_and_time_literals() {
        List<Object> values = new ArrayList<>();

        String sql = ShopQuery.bind("-- uses :nothing here\nSELECT '10:30' WHERE a = :a",
                Map.of("a", 1), values);

        assertThat(sql).doesNotContain(":nothing").contains("'10:30'").endsWith("a = ?");
        assertThat(values).containsExactly(1);
    }

    @Test
    void should_name_a_parameter_that_has_no_value() {
        assertThatThrownBy(() -> ShopQuery.bind("WHERE a = :missing", Map.of(), new ArrayList<>()))
                .hasMessageContaining(":missing");
    }

    @Test
    void should_refuse_a_table_prefix_that_could_change_the_query() {
        assertThatThrownBy(() -> new SqlCatalog("3.0", "oc_; DROP TABLE x; --"))
                .hasMessageContaining("opencart.table-prefix");
    }
}
