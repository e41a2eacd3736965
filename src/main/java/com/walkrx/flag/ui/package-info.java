/**
 * The flag screens: the open-flag inbox, a patient's flag timeline (used by the patient chart), and live alerts
 * to clinicians through server push.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.walkrx.flag.ui;
