/**
 * Outgoing e-mail: a mail is written to the {@code outbox_mail} table in the transaction that decides it, and sent
 * after the commit when a mail server is configured ({@code spring.mail.host}); each row is claimed by one instance
 * with a conditional UPDATE, so two instances never send it twice. Without a mail server the rows stay unsent and
 * the clinic admin reads them on the Outbox page.
 */
package com.walkrx.outbox;
