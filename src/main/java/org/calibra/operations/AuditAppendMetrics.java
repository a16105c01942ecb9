package org.calibra.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.calibra.audit.AuditLog;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audit entries appended, counted around {@link AuditLog#append} by an advisor, so the audit module stays unaware.
 * An entry counts when it is committed: {@code append} joins its caller's transaction, and one that rolls back leaves
 * no entry.
 */
@Configuration(proxyBeanMethods = false)
class AuditAppendMetrics {

    /** An infrastructure advisor: Spring's own proxy creator (the one behind {@code @Transactional}) applies it. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditAppendCounter(ObjectProvider<MeterRegistry> registry) {
        var appends = new Object() {
            private Counter counter;

            // looked up on first use: advisors are made before the registry may be
            Counter counter() {
                if (counter == null) {
                    counter = Counter.builder("calibra.audit.appends")
                            .description("Audit trail entries appended and committed on this node")
                            .register(registry.getObject());
                }
                return counter;
            }
        };
        var pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return method.getName().equals("append") && AuditLog.class.isAssignableFrom(targetClass);
            }
        };
        MethodInterceptor counting = invocation -> {
            Object entry = invocation.proceed();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        appends.counter().increment();
                    }
                });
            } else {
                appends.counter().increment();
            }
            return entry;
        };
        return new DefaultPointcutAdvisor(pointcut, counting);
    }
}
