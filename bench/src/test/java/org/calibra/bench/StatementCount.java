package org.calibra.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the SQL statements the app sends to its database, bench only: the app's DataSource is wrapped in JDK proxies
 * (no library) that count each round trip — an execute, or one executeBatch however many rows it carries — and the rows
 * sent in batches. Hibernate's own statistics would miss the JdbcTemplate statements (audit chain, running sums).
 */
final class StatementCount implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final AtomicLong ROUND_TRIPS = new AtomicLong();
    static final AtomicLong BATCHED_ROWS = new AtomicLong();
    /** While non-null on a thread, the SQL it prepares or executes is recorded here (a profile of one submission). */
    static final ThreadLocal<java.util.List<String>> TRACE = new ThreadLocal<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass()) ? wrap(ds, DataSource.class) : bean;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            String m = method.getName();
            var trace = TRACE.get();
            if (trace != null && (m.startsWith("prepare") || m.startsWith("execute") && !m.equals("executeBatch")) && args != null
                    && args.length > 0 && args[0] instanceof String sql) {
                trace.add(sql);
            } else if (trace != null && m.equals("executeBatch")) {
                trace.add("  (the statement above sent as one batch)");
            }
            if (m.equals("executeBatch")) {
                ROUND_TRIPS.incrementAndGet();
            } else if (m.equals("addBatch")) {
                BATCHED_ROWS.incrementAndGet();
            } else if (m.startsWith("execute")) {
                ROUND_TRIPS.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && !Proxy.isProxyClass(c.getClass())) {
                return wrap(c, Connection.class);
            }
            if (result instanceof Statement s && method.getReturnType().isInterface() && !Proxy.isProxyClass(s.getClass())) {
                return wrap(s, (Class<Statement>) method.getReturnType());
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
