/**
 * Daily check-ins and walks: the write path (one transaction with the see-a-doctor evaluation, idempotent by
 * key), the check-in rules, and the check-in lists. Owns {@code check_in} and {@code walk}; evaluators in other
 * modules plug in through {@link com.walkrx.checkin.CheckInEvaluator}.
 */
package com.walkrx.checkin;
