package org.calibra.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small in-memory cache, per node, for records that never change once stored (a published case version, a
 * curriculum version's module): every node may keep its own copy, there is nothing to invalidate. Least recently used
 * entries go beyond {@code capacity}. A value read inside a transaction is kept only once that transaction commits, so
 * nothing a rollback undoes is ever served.
 */
public final class ImmutableCache<K, V> {

    private final Map<K, V> entries;

    public ImmutableCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The cached value, or {@code load}'s, kept when {@code keep} says the value is final (e.g. published); an empty
     * answer is never kept.
     */
    public Optional<V> get(K key, Function<K, Optional<V>> load, java.util.function.Predicate<V> keep) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<V> loaded = load.apply(key);
        loaded.filter(keep).ifPresent(v -> {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        put(key, v);
                    }
                });
            } else {
                put(key, v);
            }
        });
        return loaded;
    }

    private void put(K key, V value) {
        synchronized (entries) {
            entries.putIfAbsent(key, value);
        }
    }
}
