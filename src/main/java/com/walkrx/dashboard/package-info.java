/**
 * The read side: the caseload, the clinic overview, the patient chart and the patient's own progress. SQL
 * read models over the other modules' tables (allowed by the table-ownership rule: see docs/architecture.md);
 * it never writes them.
 */
package com.walkrx.dashboard;
