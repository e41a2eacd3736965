/**
 * Clinics (the tenants) and their user accounts: staff management, account codes, login, and the login
 * throttle. Owns {@code clinic}, {@code app_user}, {@code account_code}, {@code login_attempt},
 * {@code login_address} and {@code sign_in_failure} (refused sign-ins, counted); it depends on
 * no other feature module (a patient login's record is looked up through
 * {@link com.walkrx.base.security.PatientLogins}).
 */
package com.walkrx.clinic;
