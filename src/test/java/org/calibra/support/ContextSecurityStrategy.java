package org.calibra.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Vaadin installs its own SecurityContextHolderStrategy (a ThreadLocal per instance) as the JVM-wide one each time
 * an application context starts. Once a second context has started (PostgresIT, RestartIT), {@link SignedIn} would
 * write to that context's holder while the context under test reads its own: point the global holder back at the
 * strategy of the context this test runs in.
 */
public class ContextSecurityStrategy implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext extension) {
        SpringExtension.getApplicationContext(extension).getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
