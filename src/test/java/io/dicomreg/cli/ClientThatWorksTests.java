package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.sandbox.Sandbox;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.directory.RoleAssignment;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12's proof: on the sandbox, one script registers an app, adds a secret and Dicom.ReadWrite, grants admin
 * consent and assigns DICOM Data Owner; then the app signs in with MSAL4J (client credentials, the secret from the
 * file) for the DICOM service, a delegated token carries Dicom.ReadWrite only once consent was granted, and replaying
 * the script writes nothing to Graph or ARM (counted in the sandbox's request log).
 */
class ClientThatWorksTests {

	private static final String DICOM = "https://dicom.healthcareapis.azure.com";

	private static final String DICOM_DATA_OWNER = "58a3b984-7adf-4c20-983a-32417c86fbc8";

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	@Test
	void aScriptTakesTheAppFromRegisteredToAllowedAndItsReplayWritesNothing() throws Exception {
		Path state = this.directory.resolve("tenant.json");
		Path log = this.directory.resolve("sandbox.log");
		Path secretFile = this.directory.resolve("dicom-reader-secret.txt");
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", state.toString(),
				"--sandbox-log", log.toString());
		assertThat(shell.run("login").exitCode()).isZero();
		List<String> registration = List.of("app register --name \"DICOM reader\" --unique-name dicom-reader",
				"auth public-client on", "secret add --description ci --save-to " + secretFile + " --if-missing",
				"permission add-dicom");
		Path before = Files.write(this.directory.resolve("registered.dicomreg"), registration);
		TestShell.Result registered = shell.run("script", before.toString());
		assertThat(registered.exitCode()).as(registered.all()).isZero();
		String appId = JSON.readTree(shell.run("--output", "json", "app", "ids").out()).path("appId").asText();

		try (Sandbox server = Sandbox.start(state)) {
			assertThatThrownBy(() -> delegatedDicomToken(server, appId))
				.hasRootCauseInstanceOf(MsalServiceException.class)
				.rootCause().hasMessageContaining("AADSTS65001");
		}

		Path script = Files.write(this.directory.resolve("allowed.dicomreg"), concat(registration,
				"permission grant --scope Dicom.ReadWrite", "role assign --role owner --dicom dicom1",
				"verify --dicom dicom1 --secret-file " + secretFile + " --wait 2m"));
		TestShell.Result allowed = shell.run("script", script.toString());
		assertThat(allowed.exitCode()).as(allowed.all()).isZero();
		assertThat(allowed.all()).contains("Verified: the client reads DICOM data.");
		assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

		try (Sandbox server = Sandbox.start(state)) {
			JWTClaimsSet appOnly = claims(applicationDicomToken(server, appId, Files.readString(secretFile).strip()));
			assertThat(appOnly.getAudience()).containsExactly(DICOM);
			assertThat(appOnly.getStringClaim("appid")).isEqualTo(appId);
			String servicePrincipalId = SandboxInspector.of(server).tenant().servicePrincipalByAppId(appId).orElseThrow()
				.path("id").asText();
			assertThat(appOnly.getStringClaim("oid")).isEqualTo(servicePrincipalId);

			JWTClaimsSet delegated = claims(delegatedDicomToken(server, appId));
			assertThat(delegated.getStringClaim("scp")).isEqualTo("Dicom.ReadWrite");

			List<RoleAssignment> owners = SandboxInspector.of(server).azure().roleAssignments().stream()
				.filter(assignment -> assignment.principalId().equalsIgnoreCase(servicePrincipalId))
				.toList();
			assertThat(owners).singleElement().satisfies(owner -> {
				assertThat(owner.roleDefinitionId()).isEqualToIgnoringCase(DICOM_DATA_OWNER);
				assertThat(owner.principalType()).isEqualTo("ServicePrincipal");
				assertThat(owner.scope()).isEqualToIgnoringCase(SandboxInspector.of(server).azure().dicomService().id());
			});
		}

		long linesBefore = Files.readAllLines(log).size();
		TestShell.Result replay = shell.run("script", script.toString());
		assertThat(replay.exitCode()).as(replay.all()).isZero();
		List<String> replayed = Files.readAllLines(log).subList((int) linesBefore, Files.readAllLines(log).size());
		assertThat(replayed).as("requests of the replay").isNotEmpty()
			.noneMatch(line -> line.endsWith(" graph-write") || line.endsWith(" arm-write"));
		assertThat(replay.all()).contains("No change: admin consent for Dicom.ReadWrite (delegated) was granted already.")
			.contains("has DICOM Data Owner on contosohealth/dicom1 already");
	}

	private static String applicationDicomToken(Sandbox server, String appId, String secret) throws Exception {
		ConfidentialClientApplication app = ConfidentialClientApplication
			.builder(appId, ClientCredentialFactory.createFromSecret(secret))
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.build();
		return app.acquireToken(ClientCredentialParameters.builder(Set.of(DICOM + "/.default")).build())
			.get(30, TimeUnit.SECONDS)
			.accessToken();
	}

	/** A user of the app as a public client (Postman, a viewer) signing in for Dicom.ReadWrite with a device code. */
	private static String delegatedDicomToken(Sandbox server, String appId) throws Exception {
		PublicClientApplication app = PublicClientApplication.builder(appId)
			.authority(server.authorityHost() + "/" + server.tenantId() + "/")
			.instanceDiscovery(false)
			.sslSocketFactory(server.clientSslContext().getSocketFactory())
			.build();
		try {
			return app.acquireToken(DeviceCodeFlowParameters
				.builder(Set.of(DICOM + "/Dicom.ReadWrite"), code -> server.approveDeviceCode(code.userCode()))
				.build()).get(30, TimeUnit.SECONDS).accessToken();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The delegated sign-in failed", ex.getCause());
		}
	}

	private static JWTClaimsSet claims(String jwt) throws Exception {
		return SignedJWT.parse(jwt).getJWTClaimsSet();
	}

	private static List<String> concat(List<String> lines, String... more) {
		List<String> all = new java.util.ArrayList<>(lines);
		all.addAll(List.of(more));
		return all;
	}

}
