package org.calibra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class ImmutableCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final ImmutableCache<Integer, String> cache = new ImmutableCache<>(2);

    private Optional<String> load(int key) {
        loads.incrementAndGet();
        return key < 0 ? Optional.empty() : Optional.of("v" + key);
    }

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void loads_a_kept_value_once() {
        assertThat(cache.get(1, this::load, v -> true)).contains("v1");
        assertThat(cache.get(1, this::load, v -> true)).contains("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void never_keeps_an_empty_answer_nor_a_value_that_is_not_final() {
        cache.get(-1, this::load, v -> true);
        cache.get(-1, this::load, v -> true);
        cache.get(2, this::load, v -> false);
        cache.get(2, this::load, v -> false);
        assertThat(loads).hasValue(4);
    }

    @Test
    void forgets_the_least_recently_used_beyond_its_capacity() {
        cache.get(1, this::load, v -> true);
        cache.get(2, this::load, v -> true);
        cache.get(1, this::load, v -> true); // 1 used last: 2 goes when 3 comes
        cache.get(3, this::load, v -> true);
        assertThat(loads).hasValue(3);
        cache.get(1, this::load, v -> true);
        assertThat(loads).hasValue(3);
        cache.get(2, this::load, v -> true);
        assertThat(loads).hasValue(4);
    }

    @Test
    void a_value_read_in_a_transaction_is_kept_only_once_it_commits() {
        TransactionSynchronizationManager.initSynchronization();
        cache.get(1, this::load, v -> true);
        cache.get(1, this::load, v -> true);
        assertThat(loads).as("not kept before the commit").hasValue(2);
        TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();

        TransactionSynchronizationManager.initSynchronization();
        cache.get(1, this::load, v -> true);
        assertThat(loads).as("a rollback kept nothing").hasValue(3);
        TransactionSynchronizationUtils.triggerAfterCommit();
        TransactionSynchronizationManager.clearSynchronization();
        cache.get(1, this::load, v -> true);
        assertThat(loads).as("kept after the commit").hasValue(3);
    }

    @Test
    void get_all_loads_only_the_missing_keys_together_and_keeps_them() {
        var bulk = new ImmutableCache<Integer, String>(10);
        var asked = new java.util.ArrayList<java.util.Set<Integer>>();
        java.util.function.Function<java.util.Set<Integer>, java.util.Map<Integer, String>> loadAll = keys -> {
            asked.add(java.util.Set.copyOf(keys));
            var found = new java.util.HashMap<Integer, String>();
            keys.stream().filter(k -> k >= 0).forEach(k -> found.put(k, "v" + k));
            return found;
        };
        assertThat(bulk.getAll(java.util.List.of(1, 2), loadAll)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(1, "v1", 2, "v2"));
        assertThat(bulk.getAll(java.util.List.of(1, 2, 3, -1), loadAll)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(1, "v1", 2, "v2", 3, "v3"));
        assertThat(asked).containsExactly(java.util.Set.of(1, 2), java.util.Set.of(3, -1));
        assertThat(bulk.getAll(java.util.List.of(3), loadAll)).containsEntry(3, "v3");
        assertThat(bulk.getAll(java.util.List.of(-1), loadAll)).as("an absent key is asked again").isEmpty();
        assertThat(asked).hasSize(3);
    }
}
