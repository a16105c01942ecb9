package org.calibra.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.calibra.shared.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An unexpected failure while handling a click or a value change: log it with a short reference and tell
 * the user in words (Vaadin's default only logs, so the user would see nothing happen).
 */
@Component
class ErrorNotifier implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorNotifier.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ErrorNotifier::handle));
    }

    private static void handle(ErrorEvent error) {
        String words = words(error.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(words, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    /** Logs the failure and says what the user is told: the database being away is not a fault to report, only to wait out. */
    static String words(Throwable failure) {
        if (DatabaseOutage.causedBy(failure)) {
            log.warn("Database not reachable during an action: {}", DatabaseOutage.rootMessage(failure));
            return DatabaseOutage.ACTION_WORDS;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error (reference {})", reference, failure);
        return "Something went wrong and that action did not complete (reference " + reference
                + "). Please try again; if it happens again, tell your administrator the reference.";
    }
}
