package org.followthrough.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links to stylesheets, scripts, images and webjars are written with the resource chain's own path
 * (a webjar's version), as before; every other link a page writes goes out as it is. The chain looks a
 * link up in the classpath and caches only what it finds, so each link to a prospect, a call or a task
 * cost several lookups in the application's jar on every request: Today writes two per row.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinks {

    /** The paths the static files are under (as the security configuration lets them through). */
    static final List<String> STATIC = List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon");

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new OnlyStaticFiles());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static boolean isStatic(String url, String contextPath) {
        if (!url.startsWith(contextPath)) {
            return false;
        }
        var path = url.substring(contextPath.length());
        return STATIC.stream().anyMatch(path::startsWith);
    }

    /** Spring's filter, with a link outside the static files passed by it to the response underneath. */
    static class OnlyStaticFiles extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
                chain.doFilter(request, response);
                return;
            }
            var contextPath = http.getContextPath();
            super.doFilter(
                    request,
                    response,
                    (req, encoding) ->
                            chain.doFilter(req, new HttpServletResponseWrapper((HttpServletResponse) encoding) {
                                @Override
                                public String encodeURL(String url) {
                                    return isStatic(url, contextPath) ? super.encodeURL(url) : plain.encodeURL(url);
                                }
                            }));
        }
    }
}
