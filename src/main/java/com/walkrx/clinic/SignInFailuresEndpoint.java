package com.walkrx.clinic;

import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.ClientAddress;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * The operator's view of refused sign-ins that belong to no clinic: {@code GET /actuator/signinfailures?days=7&limit=100}
 * lists the counts for usernames that match no account, and the totals per client address across all clinics (no
 * account names). Reachable only with the operator token (see the security configuration); every read is audited.
 */
@Component
@Endpoint(id = SignInFailuresEndpoint.ID)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SignInFailuresEndpoint {

    static final String ID = "signinfailures";
    private static final int DEFAULT_DAYS = 7;
    private static final int DEFAULT_LIMIT = 100;

    private final SignInFailureService failures;

    @ReadOperation
    WebEndpointResponse<Map<String, Object>> read(@Nullable Integer days, @Nullable Integer limit) {
        int d = days == null ? DEFAULT_DAYS : days;
        int n = limit == null ? DEFAULT_LIMIT : limit;
        String address = ClientAddress.current();
        try {
            List<SignInFailure> unknown = failures.withoutAccount(d, n, address);
            List<SignInAddress> addresses = failures.byAddress(d, n, address);
            return new WebEndpointResponse<>(Map.of("days", d, "withoutAccount", unknown, "byAddress", addresses));
        } catch (InvalidInputException e) {
            return new WebEndpointResponse<>(Map.of("status", WebEndpointResponse.STATUS_BAD_REQUEST,
                    "title", "Invalid input", "errors", e.problems()), WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }
}
