package io.dicomreg.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.dicomreg.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox dicomreg starts for itself makes DICOM roles wait, as Azure does; a sandbox started directly does not.
 */
class ConnectionTargetSandboxTests {

	@Test
	void dicomregsSandboxDelaysDicomRolesAndTestsCanTurnThatOff() {
		try (ConnectionTarget target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null)) {
			Sandbox sandbox = target.sandbox();

			assertThat(sandbox.roleEffectDelay()).isEqualTo(Sandbox.SHELL_ROLE_EFFECT_DELAY)
				.isEqualTo(Duration.ofSeconds(5));
			sandbox.setRoleEffectDelay(Duration.ZERO);
			assertThat(sandbox.roleEffectDelay()).isZero();
		}
		try (Sandbox direct = Sandbox.start(null)) {
			assertThat(direct.roleEffectDelay()).isZero();
		}
	}

}
