package org.calibra.security;

import java.time.Clock;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts, the embedded default. Accounts linked to Keycloak have no usable local password and are not
 * found here; a locked account (see {@link LoginAttempts}) is refused before its password is checked.
 */
@Component
class LocalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Clock clock;

    LocalUserDetailsService(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount a = accounts.findByUsername(username).filter(u -> u.getOidcSubject() == null)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(a.getUsername())
                .password(a.getPasswordHash())
                .disabled(!a.isEnabled())
                .accountLocked(a.isLockedAt(clock.instant()))
                .authorities(List.of(new SimpleGrantedAuthority(a.getRole().authority())))
                .build();
    }
}
