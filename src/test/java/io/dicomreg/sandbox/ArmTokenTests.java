package io.dicomreg.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens for Azure Resource Manager: its service principal, delegated and app-only tokens through MSAL4J, and state
 * files of an earlier dicomreg that lack it.
 */
@ExtendWith(SandboxExtension.class)
class ArmTokenTests {

	@TempDir
	Path directory;

	@Test
	void resourceManagerIsProvisionedWithItsNamesAndScope(Sandbox server) {
		JsonNode arm = new SandboxHttp(server).get("/v1.0/servicePrincipals(appId='" + SandboxDirectory.ARM_APP_ID
				+ "')", SandboxTokens.adminGraphToken(server)).json();
		assertThat(arm.path("displayName").asText()).isEqualTo("Windows Azure Service Management API");
		assertThat(arm.path("servicePrincipalNames")).extracting(JsonNode::asText).contains(SandboxDirectory.ARM_APP_ID,
				"https://management.azure.com/", "https://management.azure.com",
				"https://management.core.windows.net/", "https://management.core.windows.net");
		assertThat(arm.path("oauth2PermissionScopes")).singleElement().satisfies((scope) -> {
			assertThat(scope.path("value").asText()).isEqualTo("user_impersonation");
			assertThat(scope.path("id").asText()).isEqualTo("41094075-9dad-400e-a0bd-54e686782033");
		});
	}

	@Test
	void graphCommandLineToolsGetUserImpersonationForTheDefaultScope(Sandbox server) throws Exception {
		JWTClaimsSet claims = MsalWireCompatibilityTests.claims(ArmTokens.admin(server));
		assertThat(claims.getAudience()).containsExactly("https://management.azure.com");
		assertThat(claims.getStringClaim("scp")).isEqualTo("user_impersonation");
		assertThat(claims.getStringClaim("oid")).isEqualTo(SandboxInspector.of(server).tenant().adminObjectId());
		assertThat(claims.getStringClaim("appid")).isEqualTo(SandboxDirectory.GRAPH_CLI_APP_ID);
	}

	@Test
	void scopeNamedWithTheClassicHostIsForResourceManagerToo(Sandbox server) throws Exception {
		String token = SandboxTokens.delegated(server, "https://management.core.windows.net//.default");
		JWTClaimsSet claims = MsalWireCompatibilityTests.claims(token);
		assertThat(claims.getAudience()).containsExactly("https://management.core.windows.net");
		assertThat(claims.getStringClaim("scp")).isEqualTo("user_impersonation");
	}

	@Test
	void applicationSignsInForResourceManagerWithoutRoles(Sandbox server) throws Exception {
		GraphFixture graph = new GraphFixture(server);
		JsonNode application = graph.createDaemonApplication("arm daemon");
		String secret = graph.addPassword(application.path("id").asText()).path("secretText").asText();
		JWTClaimsSet claims = MsalWireCompatibilityTests
			.claims(ArmTokens.application(server, application.path("appId").asText(), secret));
		String servicePrincipalId = SandboxInspector.of(server).tenant()
			.servicePrincipalByAppId(application.path("appId").asText()).orElseThrow().path("id").asText();
		assertThat(claims.getAudience()).containsExactly("https://management.azure.com");
		assertThat(claims.getStringClaim("oid")).isEqualTo(servicePrincipalId);
		assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
		assertThat(claims.getClaim("roles")).isNull();
	}

	@Test
	void stateFileOfAnEarlierVersionGetsResourceManagerOnceAtStart() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile)) {
			new GraphFixture(first).createApplication("kept");
		}
		ObjectMapper mapper = new ObjectMapper();
		ObjectNode state = (ObjectNode) mapper.readTree(stateFile.toFile());
		ArrayNode servicePrincipals = (ArrayNode) state.path("servicePrincipals");
		servicePrincipals.removeIf((sp) -> sp.path("appId").asText().equals(SandboxDirectory.ARM_APP_ID));
		Files.write(stateFile, mapper.writeValueAsBytes(state));
		String servicePrincipalId;
		try (Sandbox server = Sandbox.start(stateFile)) {
			servicePrincipalId = SandboxInspector.of(server).tenant().servicePrincipalByAppId(SandboxDirectory.ARM_APP_ID)
				.orElseThrow().path("id").asText();
			assertThat(MsalWireCompatibilityTests.claims(ArmTokens.admin(server)).getStringClaim("scp"))
				.isEqualTo("user_impersonation");
			assertThat(SandboxInspector.of(server).tenant().applications()).hasSize(1);
		}
		assertThat(mapper.readTree(stateFile.toFile()).path("servicePrincipals"))
			.filteredOn((sp) -> sp.path("appId").asText().equals(SandboxDirectory.ARM_APP_ID))
			.singleElement()
			.satisfies((sp) -> assertThat(sp.path("id").asText()).isEqualTo(servicePrincipalId));
	}

}
