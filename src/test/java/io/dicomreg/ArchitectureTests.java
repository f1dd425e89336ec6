package io.dicomreg;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import io.dicomreg.sandbox.Sandbox;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the layers apart, checked on the compiled classes' real dependencies (imports, calls,
 * fields, signatures), not on the text of the sources.
 */
class ArchitectureTests {

	private static final JavaClasses PRODUCT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.dicomreg");

	private static final String[] MSAL_AND_GRAPH_SDK = { "com.microsoft..", "com.azure.." };

	@Test
	void commandsNeverUseMsalTheGraphSdkOrTheSandbox() {
		check(noClasses().that().resideInAPackage("io.dicomreg.cli..")
			.should().dependOnClassesThat().resideInAnyPackage(MSAL_AND_GRAPH_SDK)
			.orShould().dependOnClassesThat().resideInAPackage("io.dicomreg.sandbox.."));
	}

	@Test
	void theSandboxUsesNothingOfTheProductNorSpring() {
		check(noClasses().that().resideInAPackage("io.dicomreg.sandbox..")
			.should().dependOnClassesThat().resideInAnyPackage("io.dicomreg.cli..", "io.dicomreg.apps..",
					"io.dicomreg.account..", "io.dicomreg.auth..", "io.dicomreg.graph..", "io.dicomreg.config..",
					"io.dicomreg.output..", "io.dicomreg.error..", "io.dicomreg.launch..", "org.springframework.."));
	}

	@Test
	void theProductReachesTheSandboxOnlyThroughItsEntryPoint() {
		check(noClasses().that().resideOutsideOfPackage("io.dicomreg.sandbox..")
			.should().dependOnClassesThat(resideInAPackage("io.dicomreg.sandbox..").and(not(belongToAnyOf(Sandbox.class)))));
	}

	@Test
	void servicesNeverUseTheCommandLayer() {
		check(noClasses().that().resideInAnyPackage("io.dicomreg.apps..", "io.dicomreg.account..", "io.dicomreg.auth..",
				"io.dicomreg.graph..", "io.dicomreg.config..", "io.dicomreg.output..", "io.dicomreg.error..")
			.should().dependOnClassesThat().resideInAPackage("io.dicomreg.cli.."));
	}

	@Test
	void outputAndErrorsStandAlone() {
		check(noClasses().that().resideInAnyPackage("io.dicomreg.output..", "io.dicomreg.error..")
			.should().dependOnClassesThat().resideInAnyPackage("io.dicomreg.apps..", "io.dicomreg.account..",
					"io.dicomreg.auth..", "io.dicomreg.graph..", "io.dicomreg.config..", "io.dicomreg.sandbox..")
			.orShould().dependOnClassesThat().resideInAnyPackage(MSAL_AND_GRAPH_SDK));
	}

	@Test
	void outputUsesNoOtherPartOfTheProductThanErrors() {
		check(noClasses().that().resideInAPackage("io.dicomreg.output..")
			.should().dependOnClassesThat(resideInAPackage("io.dicomreg..")
				.and(not(resideInAnyPackage("io.dicomreg.output..", "io.dicomreg.error..")))));
	}

	@Test
	void signInKnowsNothingOfGraphNorTheCommands() {
		check(noClasses().that().resideInAPackage("io.dicomreg.auth..")
			.should().dependOnClassesThat().resideInAnyPackage("io.dicomreg.graph..", "io.dicomreg.apps..",
					"io.dicomreg.account..", "com.microsoft.graph.."));
	}

	@Test
	void keyFilesAreReadWithoutAnythingElseOfTheProduct() {
		check(noClasses().that().resideInAPackage("io.dicomreg.pki..")
			.should().dependOnClassesThat().resideInAnyPackage("io.dicomreg.cli..", "io.dicomreg.apps..",
					"io.dicomreg.account..", "io.dicomreg.auth..", "io.dicomreg.graph..", "io.dicomreg.config..",
					"io.dicomreg.output..", "io.dicomreg.sandbox..", "org.springframework..", "com.microsoft.."));
	}

	@Test
	void theLaunchHelpersArePlainJdkCode() {
		check(classes().that().resideInAPackage("io.dicomreg.launch..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("io.dicomreg.launch..", "java.."));
	}

	private static void check(ArchRule rule) {
		rule.check(PRODUCT);
	}

}
