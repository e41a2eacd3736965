package com.walkrx.clinic;

import com.walkrx.base.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @Query("select u from AppUser u where lower(u.username) = lower(?1)")
    Optional<AppUser> findByUsernameIgnoreCase(String username);

    boolean existsByUsernameIgnoreCase(String username);

    List<AppUser> findByClinicIdAndRoleInOrderByDisplayName(long clinicId, List<Role> roles);

    Optional<AppUser> findByIdAndClinicId(long id, long clinicId);
}
