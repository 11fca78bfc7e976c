package dev.locreview.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller authenticated by an API key: the key's name and roles, never the key itself. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;

    public ApiKeyAuthentication(String name, List<String> roles) {
        super(roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        this.name = name;
        setAuthenticated(true);
    }

    public boolean isReviewer() {
        return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + ApiKeys.REVIEWER));
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }
}
