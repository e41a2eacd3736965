/**
 * Clinics (the tenants) and their user accounts: staff management, account codes, login, and the login
 * throttle. Owns {@code clinic}, {@code app_user}, {@code account_code} and {@code login_attempt}; it depends on
 * no other feature module (a patient login's record is looked up through
 * {@link com.walkrx.base.security.PatientLogins}).
 */
package com.walkrx.clinic;
