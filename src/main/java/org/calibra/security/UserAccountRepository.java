package org.calibra.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByOidcSubject(String subject);

    List<UserAccount> findAllByOrderByRoleAscUsernameAsc();
}
