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

    /** The cached values of these keys, the missing ones loaded together by {@code loadMissing} and kept like {@link #get}'s. */
    public Map<K, V> getAll(java.util.Collection<K> keys, Function<java.util.Set<K>, Map<K, V>> loadMissing) {
        Map<K, V> found = new java.util.HashMap<>();
        java.util.Set<K> missing = new java.util.HashSet<>();
        synchronized (entries) {
            for (K key : keys) {
                V cached = entries.get(key);
                if (cached != null) {
                    found.put(key, cached);
                } else {
                    missing.add(key);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> loaded = loadMissing.apply(missing);
            found.putAll(loaded);
            keepWhenCommitted(loaded);
        }
        return found;
    }

    private void keepWhenCommitted(Map<K, V> loaded) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    loaded.forEach(ImmutableCache.this::put);
                }
            });
        } else {
            loaded.forEach(this::put);
        }
    }

    private void put(K key, V value) {
        synchronized (entries) {
            entries.putIfAbsent(key, value);
        }
    }
}
