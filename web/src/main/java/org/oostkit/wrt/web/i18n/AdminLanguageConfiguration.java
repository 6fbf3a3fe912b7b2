package org.oostkit.wrt.web.i18n;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.view.MustacheViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Wires {@link AdminLanguage}: the resolver Spring asks for every request's locale, the {@code ?lang=} switch on
 * every page but the nominators' (whose {@code ?lang=} chooses among the campaign languages), and the views that
 * hand the admin texts to each page.
 */
@Configuration
class AdminLanguageConfiguration implements WebMvcConfigurer {

    /** The name Spring's DispatcherServlet looks the resolver up by. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new AdminLanguage();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/org/*/nominate/**");
    }

    @Bean
    static BeanPostProcessor wordedViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof MustacheViewResolver resolver) {
                    resolver.setViewClass(WordedView.class);
                }
                return bean;
            }
        };
    }
}
