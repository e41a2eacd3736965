package com.walkrx.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.db.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Shown instead of a page that could not load because the database cannot be reached (issue 12): what happened
 * and that nothing was saved, never a stack trace. {@link TransactionUnavailableView} covers the same failure
 * when it surfaces as a transaction that could not begin.
 */
@PageTitle("Service unavailable | WalkRx")
@AnonymousAllowed
public class ServiceUnavailableView extends ErrorPage implements HasErrorParameter<DataAccessResourceFailureException> {

    public ServiceUnavailableView() {
        super("service-unavailable-view", "Service unavailable", DatabaseUnavailable.MESSAGE, "Try again");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
