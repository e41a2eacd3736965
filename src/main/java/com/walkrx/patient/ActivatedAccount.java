package com.walkrx.patient;

/** A patient's newly created login. */
public record ActivatedAccount(long userId, String username, long patientId) {
}
