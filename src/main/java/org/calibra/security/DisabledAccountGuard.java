package org.calibra.security;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Ends the session of a person whose account an admin disabled (or erased) while they were signed in: at their next
 * navigation they are signed out and land on the sign-in page, which then refuses them with "Account disabled".
 * One account lookup per navigation; a page already open keeps what it shows until then.
 */
@Component
class DisabledAccountGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    DisabledAccountGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            if (HasErrorParameter.class.isAssignableFrom(enter.getNavigationTarget())) {
                return; // an error page shows nothing of the account, and must show even when the account cannot be looked up (database away)
            }
            if (currentUser.get().filter(u -> !u.enabled()).isPresent()) {
                currentUser.logout();
            }
        }));
    }
}
