package com.walkrx.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against the shared PostgreSQL, with demo data and a
 * settable clock (and the benchmarks' Server-Timing header, which a product server does not send). Every Spring test uses this one annotation, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"walkrx.demo=true", "walkrx.bench.server-timing=true"})
@Import({TestClockConfiguration.class, TestData.class})
public @interface WalkRxTest {
}
