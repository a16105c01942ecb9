package org.calibra.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.calibra.dicomweb.DicomWebPaths;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperationsConfig {

    /** After Spring Security (order -100): only requests it let through are measured. */
    @Bean
    FilterRegistrationBean<DicomWebMetrics> dicomWebMetrics(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new DicomWebMetrics(registry));
        registration.addUrlPatterns(DicomWebPaths.ROOT + "/*");
        registration.setOrder(0);
        return registration;
    }
}
