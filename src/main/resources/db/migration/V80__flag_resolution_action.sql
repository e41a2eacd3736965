-- What the clinician did about a flag when resolving it (issue 20). FlagService and Flag require it, with a
-- note, for URGENT and HIGH flags; rows resolved before the rule (and imported history) may have none.
alter table flag add column action text
    check (action in ('CALLED_PATIENT', 'SENT_TO_EMERGENCY_CARE', 'GP_INFORMED', 'REFERRED_TO_SPECIALIST',
                      'APPOINTMENT_BOOKED', 'ADVICE_GIVEN', 'OTHER'));
