/**
 * Demo data for a test drive ({@code walkrx.demo=true}): a demo clinic, staff, patients and some weeks of
 * history, seeded once at start-up.
 */
package com.walkrx.demo;
