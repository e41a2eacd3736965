-- A check-in's and a walk's clinic is the patient's clinic. The separate foreign key to clinic made every
-- check-in and every walk lock the clinic's single row (FOR KEY SHARE): concurrent check-ins of one clinic
-- then share that lock through multixacts. One composite key to the patient row checks the patient and
-- that the clinic is the patient's, with one lock on a row no other patient's check-in touches.
alter table patient add constraint patient_id_clinic_uq unique (id, clinic_id);

alter table check_in drop constraint check_in_clinic_id_fkey;
alter table check_in drop constraint check_in_patient_id_fkey;
alter table check_in add constraint check_in_patient_clinic_fkey
    foreign key (patient_id, clinic_id) references patient (id, clinic_id) not valid;
alter table check_in validate constraint check_in_patient_clinic_fkey;

alter table walk drop constraint walk_clinic_id_fkey;
alter table walk drop constraint walk_patient_id_fkey;
alter table walk add constraint walk_patient_clinic_fkey
    foreign key (patient_id, clinic_id) references patient (id, clinic_id) not valid;
alter table walk validate constraint walk_patient_clinic_fkey;
