package org.followthrough.team;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A caller who may not call an endpoint is told so before anything of the request is read: an
 * endpoint's {@link PreAuthorize} role rule is checked once the endpoint is known, before its body is
 * bound and checked, so a rep posting a bad body to an administrator's endpoint gets 403, not the
 * body's problems (which would tell the rep what the endpoint expects). Method security still checks
 * the rule again on the call. Rules that look at the call's arguments ({@code #id}) wait for the call.
 */
@Configuration(proxyBeanMethods = false)
class PermissionFirst implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        MethodInvocation call = new SimpleMethodInvocation(method.getBean(), method.getMethod());
        var decision = rules.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), call);
        if (decision != null && !decision.isGranted()) {
            throw new AccessDeniedException("Your role does not allow this; ask a manager or an administrator.");
        }
        return true;
    }
}
