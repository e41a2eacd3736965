package com.walkrx.patient;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/activation}: no authentication; the one-time code is the credential. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ActivationController {

    private final ActivationService activation;

    record ActivationRequest(String code, String username, String password) {

        @Override
        public String toString() {
            return "ActivationRequest[username=" + username + "]";
        }
    }

    record ActivationReply(String username, String login) {
    }

    @PostMapping("/api/v1/activation")
    @ResponseStatus(HttpStatus.CREATED)
    ActivationReply activate(@RequestBody ActivationRequest body) {
        ActivatedAccount account = activation.activate(body.code(), body.username(), body.password());
        return new ActivationReply(account.username(), "/login");
    }
}
