package io.dicomreg.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SandboxExtension} registered with {@code @ExtendWith}: one server for the whole class.
 */
@ExtendWith(SandboxExtension.class)
class SandboxExtensionTests {

	private static Sandbox classServer;

	@BeforeAll
	static void remember(Sandbox server) {
		classServer = server;
	}

	@Test
	void firstTestGetsTheClassServer(Sandbox server) {
		assertThat(server).isSameAs(classServer);
	}

	@Test
	void secondTestGetsTheSameServer(Sandbox server) {
		assertThat(server).isSameAs(classServer);
		assertThat(server.tenantId()).isEqualTo(classServer.tenantId());
	}

}
