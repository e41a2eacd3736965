-- Plans and flags for the demo patients, for the dashboard's screenshots on a branch where the plan and
-- flag modules do not seed them yet. Every statement adds only what is missing, so once those modules
-- seed the demo clinic this file changes nothing. :today is bound by the test.

insert into flag (id, clinic_id, patient_id, code, tier, status, raised_at, basis, patient_message)
select nextval('flag_seq'), p.clinic_id, p.id, f.code, f.tier, 'OPEN',
       (cast(:today as date) - f.days_ago) + time '19:30', f.basis, f.message
from (values ('demo-patient-3', 'PAIN_WORSENS_WITH_WALKING', 'HIGH', 1,
              'Walking consistently increases pain: 3 of the last 5 walks rose by 2 points or more.',
              'Contact your doctor or therapist before your next walk.'),
             ('demo-patient-5', 'CAUDA_EQUINA_SIGNS', 'URGENT', 1,
              'New bladder or bowel control problems: possible cauda equina syndrome.',
              'Seek emergency medical care today. Do not walk for exercise until a doctor has seen you.'),
             ('demo-patient-7', 'MISSED_CHECK_INS', 'ADVISORY', 2, 'No check-in for 3 whole days.',
              'Take it easier: shorten or slow your walks until your therapist reviews your plan.'),
             ('demo-patient-9', 'FEVER', 'HIGH', 2, 'Back pain with fever needs medical evaluation.',
              'Contact your doctor or therapist before your next walk.'),
             ('demo-patient-10', 'SHARP_OR_SEVERE_PAIN', 'ADVISORY', 1, 'A walk with sharp pain.',
              'Take it easier: shorten or slow your walks until your therapist reviews your plan.'),
             ('demo-patient-11', 'PROGRESSIVE_NEURO_DEFICIT', 'URGENT', 1, 'Numbness or tingling getting worse.',
              'Seek emergency medical care today. Do not walk for exercise until a doctor has seen you.'),
             ('demo-patient-12', 'PAIN_TREND_RISING', 'ADVISORY', 1,
              'Mean pain of the last 7 days is 2 points above the 7 days before.',
              'Take it easier: shorten or slow your walks until your therapist reviews your plan.'))
     as f(username, code, tier, days_ago, basis, message)
join app_user u on u.username = f.username
join patient p on p.user_id = u.id
where not exists (select 1 from flag x where x.clinic_id = p.clinic_id);

insert into plan (id, clinic_id, patient_id, template, status, current_phase, phase_started_on, start_date, activated_at,
                  pause_reason)
select nextval('plan_seq'), p.clinic_id, p.id,
       case when p.acuity = 'ACUTE' then 'ACUTE' when p.surgery_date is not null then 'POST_SURGERY' else 'STANDARD' end,
       case when exists (select 1 from flag f where f.patient_id = p.id and f.status = 'OPEN'
                         and f.tier in ('URGENT', 'HIGH')) then 'PAUSED' else 'ACTIVE' end,
       case when p.acuity = 'ACUTE' then (case when cast(:today as date) - s.start < 7 then 0 else 1 end)
            when cast(:today as date) - s.start < 14 then 1
            when cast(:today as date) - s.start < 28 then 2
            else 3 end,
       case when p.acuity = 'ACUTE' then (case when cast(:today as date) - s.start < 7 then s.start else s.start + 7 end)
            when cast(:today as date) - s.start < 14 then s.start
            when cast(:today as date) - s.start < 28 then s.start + 14
            else s.start + 28 end,
       s.start, s.start + time '09:00',
       case when exists (select 1 from flag f where f.patient_id = p.id and f.status = 'OPEN'
                         and f.tier in ('URGENT', 'HIGH')) then 'Open flag' end
from patient p
join app_user u on u.id = p.user_id and u.username like 'demo-patient-%'
join lateral (select min(ci.date) as start from check_in ci where ci.patient_id = p.id) s on s.start is not null
where not exists (select 1 from plan pl where pl.patient_id = p.id);

insert into plan_phase (id, plan_id, number, min_days, walks_per_day, walks_per_week, minutes_min, minutes_max, surfaces,
                        step_target, guidance)
select nextval('plan_phase_seq'), pl.id, ph.number, ph.min_days, ph.per_day, ph.per_week, ph.min_m, ph.max_m, ph.surfaces,
       ph.steps, ph.guidance
from plan pl
join patient p on p.id = pl.patient_id
join app_user u on u.id = p.user_id and u.username like 'demo-patient-%'
cross join (values (0, 5, 3, null, 5, 5, 'FLAT', null, 'Stop if the pain intensifies.'),
                   (1, 14, 3, null, 10, 10, 'FLAT', null, 'Before meals if you can.'),
                   (2, 14, 2, null, 15, 20, 'FLAT', 5000, 'Flat ground, let the arms swing.'),
                   (3, 28, null, 5, 30, 30, 'FLAT,INCLINE', 6000, 'Gentle inclines are fine now.'))
     as ph(number, min_days, per_day, per_week, min_m, max_m, surfaces, steps, guidance)
where (ph.number > 0 or pl.template = 'ACUTE')
  and not exists (select 1 from plan_phase x where x.plan_id = pl.id)
