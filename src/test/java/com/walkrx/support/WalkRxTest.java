package com.walkrx.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import com.walkrx.flag.CheckIns;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against the shared PostgreSQL, with demo data, a settable clock and
 * the test data builders ({@link TestData}, {@link CheckIns}). Every Spring test uses this one annotation, so
 * they share one context. After each test the clock is reset and the test thread logged out
 * ({@link ResetClockAndLogin}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"walkrx.demo=true", "walkrx.bench.server-timing=true",
        // Progression's due-patient job is off: tests run it explicitly (ProgressionSchedule.runPending).
        "walkrx.progression.pending-cron=-",
        // The operator's management endpoints (OperatorSignInFailuresTest).
        "walkrx.operator.token=" + WalkRxTest.OPERATOR_TOKEN})
@Import({TestClockConfiguration.class, TestData.class, CheckIns.class})
@ExtendWith(ResetClockAndLogin.class)
public @interface WalkRxTest {

    String OPERATOR_TOKEN = "test-operator-token-of-at-least-32-characters";
}
