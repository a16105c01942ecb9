package org.calibra.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class UserService {

    private final UserAccountRepository accounts;

    UserService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<UserSummary> findByUsername(String username) {
        return accounts.findByUsername(username).map(UserSummary::of);
    }

    public Optional<UserSummary> findById(long id) {
        return accounts.findById(id).map(UserSummary::of);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<UserSummary> listUsers() {
        return accounts.findAllByOrderByRoleAscUsernameAsc().stream().map(UserSummary::of).toList();
    }
}
