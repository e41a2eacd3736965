package com.walkrx.checkin;

import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import java.util.List;

/**
 * The answer to a recorded check-in (API.md): its id, every flag it raised or added evidence to, and whether
 * the patient's plan is now paused. A retry with the same Idempotency-Key gets this same reply again.
 */
public record CheckInReply(long id, List<RaisedFlag> flags, boolean planPaused) {

    public CheckInReply {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
