package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.sandbox.GraphFixture;
import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.support.SandboxAdmin;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permission grant}, {@code permission revoke} and the consent column of {@code permission list}, one-shot on
 * one sandbox state, writes counted in the sandbox log.
 */
class ConsentCommandsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path directory;

	private TestShell shell;

	private Path log;

	@BeforeEach
	void registerWithDicomReadWrite() {
		this.log = this.directory.resolve("sandbox.log");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--sandbox-log", this.log.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
		assertThat(this.shell.run("app", "register", "--name", "viewer").exitCode()).isZero();
		assertThat(this.shell.run("permission", "add-dicom").exitCode()).isZero();
	}

	@Test
	void grantThenRerunThenListThenRevoke() throws Exception {
		assertThat(this.shell.run("permission", "list").out()).contains("not granted")
			.contains("'permission grant' grants admin consent.");

		TestShell.Result grant = this.shell.run("--output", "json", "permission", "grant");
		assertThat(grant.exitCode()).as(grant.all()).isZero();
		JsonNode granted = JSON.readTree(grant.out());
		assertThat(granted.get(0).path("changed").asBoolean()).as(grant.out()).isTrue();
		assertThat(grant.out()).contains("\"permission\" : \"Dicom.ReadWrite\"").contains("\"consent\" : \"granted now\"");
		long writes = graphWrites();

		TestShell.Result again = this.shell.run("permission", "grant", "--scope", "Dicom.ReadWrite");
		assertThat(again.exitCode()).as(again.all()).isZero();
		assertThat(again.out()).contains("No change: admin consent for Dicom.ReadWrite (delegated) was granted already.");
		assertThat(graphWrites()).isEqualTo(writes);

		assertThat(this.shell.run("permission", "list").out()).contains("granted for all users");

		TestShell.Result revoke = this.shell.run("permission", "revoke", "--scope", "Dicom.ReadWrite");
		assertThat(revoke.exitCode()).as(revoke.all()).isZero();
		assertThat(revoke.out()).contains("Revoked admin consent for Dicom.ReadWrite (delegated) from 'viewer'");
		assertThat(this.shell.run("permission", "list").out()).contains("not granted");
	}

	@Test
	void revokeWithoutNamesIsAUsageErrorThatChangesNothing() throws Exception {
		long writes = graphWrites();

		TestShell.Result revoke = this.shell.run("permission", "revoke");

		assertThat(revoke.exitCode()).isEqualTo(2);
		assertThat(revoke.err().lines()).singleElement().asString()
			.startsWith("Error: Name the permissions to revoke consent for: --scope NAME or --role NAME");
		assertThat(graphWrites()).isEqualTo(writes);
	}

	@Test
	void aDryRunOfGrantSaysWhatItWouldDo() throws Exception {
		long writes = graphWrites();

		TestShell.Result dry = this.shell.run("permission", "grant", "--dry-run");

		assertThat(dry.exitCode()).as(dry.all()).isZero();
		assertThat(dry.all()).contains("would grant admin consent for Dicom.ReadWrite (delegated) of 'Azure API for DICOM' "
				+ "to 'viewer' (all users)");
		assertThat(graphWrites()).isEqualTo(writes);
	}

	@Test
	void anAccountThatMayNotConsentIsToldWhoMay() throws Exception {
		String appId;
		String secret;
		try (ConnectionTarget target = new ConnectionTarget(true, this.directory.resolve("tenant.json"),
				AzureCloud.AzureCloud, null, null)) {
			SandboxAdmin admin = SandboxAdmin.signIn(target, this.directory.resolve("admin"));
			var automation = admin.register("automation");
			appId = automation.appId();
			secret = admin.addSecret(automation.objectId());
			// It may read and write applications, but not consent grants.
			new GraphFixture(target.sandbox()).assignAppRole(appId, SandboxDirectory.GRAPH_APP_ID,
					"Application.ReadWrite.All");
		}
		Path secretFile = Files.writeString(this.directory.resolve("secret.txt"), secret);
		TestShell asApp = new TestShell(this.directory.resolve("as-app"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString(), "--sandbox-log", this.log.toString());
		assertThat(asApp.run("login", "--service-principal", "--client-id", appId, "--secret-file", secretFile.toString())
			.exitCode()).isZero();
		long writes = graphWrites();

		TestShell.Result refused = asApp.run("permission", "grant", "--app", "viewer");

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err().lines()).singleElement().asString()
			.contains("failed: Authorization_RequestDenied: Insufficient privileges to complete the operation. (request-id: ")
			.contains("Tenant-wide admin consent needs the Entra role Global Administrator or Privileged Role "
					+ "Administrator; Cloud Application Administrator or Application Administrator suffice");
		assertThat(graphWrites()).isEqualTo(writes);
	}

	private long graphWrites() throws Exception {
		return Files.readAllLines(this.log).stream().filter(line -> line.endsWith(" graph-write")).count();
	}

}
