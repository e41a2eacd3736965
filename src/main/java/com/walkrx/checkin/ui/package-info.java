/** Check-in components other modules may embed: the patient's form, the clinician's list. */
@org.springframework.modulith.NamedInterface("ui")
package com.walkrx.checkin.ui;
