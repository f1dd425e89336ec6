package io.dicomreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	private long graphWrites() throws Exception {
		return Files.readAllLines(this.log).stream().filter(line -> line.endsWith(" graph-write")).count();
	}

}
