package io.dicomreg.sandbox;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SandboxExtension#perTest()}: a fresh tenant for every test method.
 */
class SandboxExtensionPerTestTests {

	private static final Set<String> TENANTS = new HashSet<>();

	@RegisterExtension
	static SandboxExtension sandbox = SandboxExtension.perTest();

	@RepeatedTest(2)
	void everyTestGetsAFreshTenant(Sandbox server) {
		assertThat(TENANTS.add(server.tenantId())).isTrue();
		assertThat(SandboxInspector.of(server).tenant().applications()).isEmpty();
	}

}
