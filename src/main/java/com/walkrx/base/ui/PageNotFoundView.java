package com.walkrx.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The app's page for an address no screen has (e.g. {@code /no-such-page}), the same for signed-in and anonymous
 * users; replaces the router's default and Spring's error page (SecurityConfiguration lets such paths reach the
 * router).
 */
@PageTitle("Page not found | WalkRx")
@AnonymousAllowed
public class PageNotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    public PageNotFoundView() {
        super("page-not-found-view", "Page not found",
                "WalkRx has no page at this address. It may be mistyped, or the link may be out of date.",
                "Go to your start page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
