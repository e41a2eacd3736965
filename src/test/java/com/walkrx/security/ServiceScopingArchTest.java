package com.walkrx.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.walkrx.audit.AuditAction;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every public method of a service (a class named *Service) that takes a parameter named
 * {@code patientId} checks the care relationship: it calls {@link PatientAccess#require} itself, or
 * through another method of its class (lambdas included). Exceptions are listed with their reason.
 */
class ServiceScopingArchTest {

    /** Class.method -> why it needs no care-relationship check. */
    static final Map<String, String> ALLOWED = Map.of(
            "com.walkrx.audit.AuditService.record",
            "writes the audit entry that PatientAccess.require itself produces; reads no patient data",
            "com.walkrx.audit.AuditService.allowedAccessCte",
            "builds the audit insert of a statement that checks the care relationship itself; reads no patient data",
            "com.walkrx.audit.AuditService.recordSystem",
            "audits what the system itself did (an escalation e-mail), no caller; reads no patient data",
            "com.walkrx.outbox.OutboxService.enqueue",
            "the system's escalation writes the e-mail (and the patient it is about) in its own transaction, no caller;"
                    + " reads no patient data");

    @Test
    void every_public_service_method_taking_a_patient_id_checks_the_care_relationship() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.walkrx");
        List<String> checked = new ArrayList<>();

        assertThat(violations(main, checked)).as("service methods that take a patientId without PatientAccess.require")
                .isEmpty();
        assertThat(checked).as("the rule found the services it is about")
                .contains("com.walkrx.patient.PatientService.get", "com.walkrx.patient.CareTeamService.add");
    }

    @Test
    void the_rule_catches_a_method_that_skips_the_check() {
        JavaClasses samples = new ClassFileImporter().importClasses(LeakyService.class, CheckedService.class);
        List<String> found = violations(samples, new ArrayList<>());
        assertThat(found).hasSize(1).allMatch(v -> v.contains("LeakyService.peek"));
    }

    @Test
    void the_allow_list_names_methods_that_exist() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.walkrx");
        for (String allowed : ALLOWED.keySet()) {
            String type = allowed.substring(0, allowed.lastIndexOf('.'));
            String method = allowed.substring(allowed.lastIndexOf('.') + 1);
            assertThat(main.get(type).getMethods()).as(allowed).anyMatch(m -> m.getName().equals(method));
        }
    }

    static List<String> violations(JavaClasses classes, List<String> checked) {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (!javaClass.getSimpleName().endsWith("Service") || javaClass.isInterface()) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                Parameter[] parameters = method.getParameters();
                if (parameters.length > 0 && !parameters[0].isNamePresent()) {
                    throw new AssertionError("compile with -parameters so that parameter names can be checked");
                }
                if (Arrays.stream(parameters).noneMatch(p -> p.getName().equals("patientId"))) {
                    continue;
                }
                String name = type.getName().replace('$', '.') + "." + method.getName();
                checked.add(name);
                if (ALLOWED.containsKey(type.getName() + "." + method.getName())) {
                    continue;
                }
                JavaMethod javaMethod = javaClass.getMethod(method.getName(), method.getParameterTypes());
                if (!reachesRequire(javaClass, javaMethod, new HashSet<>())) {
                    violations.add(name + Arrays.toString(method.getParameterTypes()));
                }
            }
        }
        return violations;
    }

    /** Calls PatientAccess.require, directly or through methods (and lambdas) of its own class. */
    private static boolean reachesRequire(JavaClass owner, JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        for (JavaCall<?> call : unit.getCallsFromSelf()) {
            if (call.getTargetOwner().isEquivalentTo(PatientAccess.class) && call.getName().equals("require")) {
                return true;
            }
        }
        for (JavaCall<?> call : unit.getCallsFromSelf()) {
            if (call.getTargetOwner().equals(owner)) {
                var callee = call.getTarget().resolveMember();
                if (callee.isPresent() && callee.get() instanceof JavaCodeUnit unitCalled
                        && reachesRequire(owner, unitCalled, seen)) {
                    return true;
                }
            }
        }
        for (JavaMethod lambda : owner.getMethods()) {
            if (lambda.getName().startsWith("lambda$" + unit.getName() + "$") && reachesRequire(owner, lambda, seen)) {
                return true;
            }
        }
        return false;
    }

    // ---- samples for the rule's own test ----

    static class LeakyService {
        public String peek(Caller caller, long patientId) {
            return "record " + patientId + " for " + caller.username();
        }
    }

    static class CheckedService {
        private final PatientAccess access = null;

        public String look(Caller caller, long patientId) {
            check(caller, patientId);
            return "record " + patientId;
        }

        public Runnable later(Caller caller, long patientId) {
            return () -> access.require(caller, patientId, PatientAccess.Need.READ, AuditAction.VIEWED_PATIENT);
        }

        private void check(Caller caller, long patientId) {
            access.require(caller, patientId, PatientAccess.Need.READ, AuditAction.VIEWED_PATIENT);
        }
    }
}
