package com.walkrx.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.db.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** {@link ServiceUnavailableView} for a page whose transaction could not begin (no database connection). */
@PageTitle("Service unavailable | WalkRx")
@AnonymousAllowed
public class TransactionUnavailableView extends ErrorPage
        implements HasErrorParameter<CannotCreateTransactionException> {

    public TransactionUnavailableView() {
        super("service-unavailable-view", "Service unavailable", DatabaseUnavailable.MESSAGE, "Try again");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<CannotCreateTransactionException> parameter) {
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
