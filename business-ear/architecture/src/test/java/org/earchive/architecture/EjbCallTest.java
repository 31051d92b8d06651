package org.earchive.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;

/**
 * Another class reaches an enterprise bean through the container's proxy, which refuses any method that is not
 * public ("Illegal non-business method access on no-interface view") — at run time, on the server. This rule finds
 * such a call when the code is built.
 */
@AnalyzeClasses(packages = "org.earchive", importOptions = ImportOption.DoNotIncludeTests.class)
class EjbCallTest {
    @ArchTest
    static final ArchRule beansAreCalledThroughTheirPublicMethods = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Stateless.class)
            .or()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Singleton.class)
            .should(new ArchCondition<JavaMethod>("be public if another class calls them") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    if (method.getModifiers().contains(JavaModifier.PUBLIC)
                            || method.getModifiers().contains(JavaModifier.STATIC)) {
                        return;
                    }
                    for (JavaMethodCall call : method.getCallsOfSelf()) {
                        if (!call.getOriginOwner().equals(method.getOwner())
                                && !call.getOriginOwner()
                                        .getName()
                                        .startsWith(method.getOwner().getName() + "$")) {
                            events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                        }
                    }
                }
            })
            .allowEmptyShould(true);
}
