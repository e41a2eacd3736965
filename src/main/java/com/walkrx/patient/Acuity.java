package com.walkrx.patient;

/** Acute: an episode under 6 weeks old (product rule); chronic otherwise. */
public enum Acuity {
    ACUTE, CHRONIC
}
