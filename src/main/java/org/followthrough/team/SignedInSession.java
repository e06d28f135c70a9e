package org.followthrough.team;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in member's session keeps who they are; after they change their own name or time
 * zone, it is brought up to date so the header and every page show the change at once.
 */
@Component
public class SignedInSession {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public void renew(Member member, HttpServletRequest request, HttpServletResponse response) {
        var details = new MemberDetails(member.asActor());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
