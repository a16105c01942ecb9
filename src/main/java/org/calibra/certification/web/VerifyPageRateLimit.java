package org.calibra.certification.web;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.calibra.shared.Routes;
import org.calibra.shared.web.RateLimiter;
import org.calibra.shared.web.TooManyRequestsException;

/**
 * Each navigation to the public verification page {@code /verify/{id}} is a lookup (signature, status lists, dates)
 * and takes a token of the client's page budget — whether it follows a page load, a link inside the app, or a script
 * that talks to Vaadin directly. Out of tokens, the navigation shows the "too many requests" view instead, and the
 * lookup is not made.
 */
class VerifyPageRateLimit implements VaadinServiceInitListener {

    private final RateLimiter limiter;

    VerifyPageRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        if (!isLookup(event.getNavigationTarget())) {
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        String client = request == null ? null : request.getRemoteAddr();
        long wait = limiter.tryTake(client, 1);
        if (wait > 0) {
            event.rerouteToError(new TooManyRequestsException(limiter.refusal(wait), wait), limiter.refusal(wait));
        }
    }

    /** The page that verifies a certificate by its id (its route is {@code verify/:publicId}); never an error view. */
    static boolean isLookup(Class<?> target) {
        if (target == null || HasErrorParameter.class.isAssignableFrom(target)) {
            return false;
        }
        Route route = target.getAnnotation(Route.class);
        return route != null && route.value().startsWith(Routes.VERIFY + "/");
    }
}
