package com.walkrx.clinic;

import com.walkrx.base.security.Role;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clinics and their users: creation, look-up and passwords, always stored as adaptive hashes. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClinicService {

    private final ClinicRepository clinics;
    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    /** Creates a clinic (a tenant) and returns its id. */
    @Transactional
    public long createClinic(String name, String timeZone) {
        return clinics.save(new Clinic(name, timeZone)).getId();
    }

    /** Creates a user of a clinic with a hashed password and returns it. */
    @Transactional
    public UserSummary createUser(long clinicId, String username, String rawPassword, Role role, String displayName) {
        if (users.existsByUsernameIgnoreCase(username)) {
            throw new UsernameTakenException(username);
        }
        AppUser user = new AppUser(clinicId, username.trim(), passwordEncoder.encode(rawPassword), role, displayName);
        return users.save(user).summary();
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return users.existsByUsernameIgnoreCase(username);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findUser(long clinicId, long userId) {
        return users.findByIdAndClinicId(userId, clinicId).map(AppUser::summary);
    }

    /** The clinicians of a clinic, by name. */
    @Transactional(readOnly = true)
    public List<UserSummary> clinicians(long clinicId) {
        return users.findByClinicIdAndRoleInOrderByDisplayName(clinicId, List.of(Role.CLINICIAN)).stream()
                .map(AppUser::summary).toList();
    }

    @Transactional(readOnly = true)
    public String clinicName(long clinicId) {
        return clinics.findById(clinicId).map(Clinic::getName).orElseThrow();
    }
}
