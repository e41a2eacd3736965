package com.walkrx.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
public class TransactionUnavailableView extends VerticalLayout
        implements HasErrorParameter<CannotCreateTransactionException> {

    public TransactionUnavailableView() {
        addClassName("service-unavailable-view");
        add(new H2("Service unavailable"), new Paragraph(DatabaseUnavailable.MESSAGE), new Anchor("", "Try again"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<CannotCreateTransactionException> parameter) {
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
