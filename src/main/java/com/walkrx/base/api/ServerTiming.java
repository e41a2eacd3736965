package com.walkrx.base.api;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * For the benchmarks only ({@code walkrx.bench.server-timing=true}, which {@code bench/run.sh} sets): a
 * product server sends no timings, since they tell a caller how much work a request caused (an id that
 * exists elsewhere took twice as long as one that does not). With it on, every API reply carries a W3C {@code Server-Timing} header, {@code handler;dur=<ms>}: the time from the
 * request reaching its controller to the reply body being written, that is the service's own time
 * (validation, access check, audit, queries, mapping) without the network, authentication and JSON
 * writing; and a second one, {@code app;dur=<ms>}, from the request entering the app (before Spring Security:
 * authentication and the login throttle included) to the same point. Browsers' developer tools and the
 * benchmarks under {@code bench/} read them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "walkrx.bench.server-timing", havingValue = "true")
@RestControllerAdvice(basePackages = "com.walkrx")
class ServerTiming implements WebMvcConfigurer, ResponseBodyAdvice<Object> {

    static final String HEADER = "Server-Timing";
    private static final String STARTED = ServerTiming.class.getName() + ".started";
    private static final String RECEIVED = ServerTiming.class.getName() + ".received";

    /** Stamps API requests before any other filter (Spring Security's included) sees them. */
    @Bean
    FilterRegistrationBean<Filter> serverTimingReceived() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            request.setAttribute(RECEIVED, System.nanoTime());
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                request.setAttribute(STARTED, System.nanoTime());
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof org.springframework.http.server.ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(STARTED) instanceof Long started) {
            long now = System.nanoTime();
            response.getHeaders().set(HEADER, header(now - started));
            if (servlet.getServletRequest().getAttribute(RECEIVED) instanceof Long received) {
                response.getHeaders().add(HEADER, String.format(Locale.ROOT, "app;dur=%.3f", (now - received) / 1e6));
            }
        }
        return body;
    }

    /** {@code handler;dur=1.234}: milliseconds with three decimals, as the specification's examples. */
    static String header(long nanos) {
        return String.format(Locale.ROOT, "handler;dur=%.3f", nanos / 1e6);
    }
}
