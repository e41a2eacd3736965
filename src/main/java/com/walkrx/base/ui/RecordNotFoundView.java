package com.walkrx.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.api.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a page names a record (a patient, a plan, a flag) that does not exist or is outside the
 * user's care teams: the two are never told apart.
 */
@PageTitle("Not found | WalkRx")
@AnonymousAllowed
public class RecordNotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    public RecordNotFoundView() {
        super("record-not-found-view", "Not found", "There is nothing here for your account. The address may be "
                + "mistyped, or the record may belong to another care team.", "Go to your start page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
