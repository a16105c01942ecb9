package org.calibra.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts, the embedded default. */
@Component
class LocalUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    LocalUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount a = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(a.getUsername())
                .password(a.getPasswordHash())
                .disabled(!a.isEnabled())
                .authorities(List.of(new SimpleGrantedAuthority(a.getRole().authority())))
                .build();
    }
}
