package org.calibra.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every page of the app tells the browser (its tab, history and a screen reader's first words) where the user is, in the
 * one pattern "&lt;page&gt; — Calibra" (the page first: what a tab or a screen reader shows first) (docs/accessibility.md).
 */
class PageTitlesTest {

    @Test
    void every_route_and_error_view_has_a_title_in_the_pattern_calibra_dash_page() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        List<String> untitled = new ArrayList<>();
        int views = 0;
        for (var candidate : scanner.findCandidateComponents("org.calibra")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            views++;
            PageTitle title = view.getAnnotation(PageTitle.class);
            if (HasDynamicTitle.class.isAssignableFrom(view)) {
                continue;
            }
            if (title == null || !title.value().matches("\\S.* — Calibra")) {
                untitled.add(view.getSimpleName() + (title == null ? " (no @PageTitle)" : " ('" + title.value() + "')"));
            }
        }
        assertThat(views).as("views found").isGreaterThan(30);
        assertThat(untitled).as("views without a title '<page> — Calibra'").isEmpty();
    }
}
