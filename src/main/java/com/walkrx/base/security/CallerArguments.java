package com.walkrx.base.security;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets an API handler method take the {@link Caller} as a parameter, so controllers need not inject
 * {@link CurrentUser} and ask it in every method. Resolving fails as {@link CurrentUser#require()} does when
 * nobody is logged in.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CallerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final CurrentUser currentUser;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        return currentUser.require();
    }
}
