package com.walkrx.plan.ui;

import java.util.function.Supplier;

/**
 * How the plan panel's parts run a change: the panel calls the service, says "done" or shows the refusal, and
 * reloads itself. Parts (the assign form, the proposal box, the dialogs) get this instead of the panel.
 */
@FunctionalInterface
interface PlanAct {

    void run(Supplier<Object> change, String doneMessage);
}
