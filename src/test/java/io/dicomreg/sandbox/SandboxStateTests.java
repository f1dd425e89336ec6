package io.dicomreg.sandbox;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The state file: what survives a restart, what must never be written, and refusing files that are not ours.
 */
class SandboxStateTests {

	@TempDir
	Path directory;

	@Test
	void applicationCreatedThroughOneServerIsSeenByTheNext() {
		Path stateFile = this.directory.resolve("tenant.json");
		String tenantId;
		String appId;
		try (Sandbox first = Sandbox.start(stateFile)) {
			tenantId = first.tenantId();
			appId = new GraphFixture(first).createApplication("survivor").path("appId").asText();
		}
		try (Sandbox second = Sandbox.start(stateFile)) {
			assertThat(second.tenantId()).isEqualTo(tenantId);
			assertThat(SandboxInspector.of(second).tenant().applicationByAppId(appId)).isPresent();
			JsonNode found = new SandboxHttp(second)
				.get("/v1.0/applications(appId='" + appId + "')", SandboxTokens.adminGraphToken(second))
				.json();
			assertThat(found.path("displayName").asText()).isEqualTo("survivor");
		}
	}

	@Test
	void refreshTokenIssuedByOneServerIsRedeemedByTheNext() {
		Path stateFile = this.directory.resolve("tenant.json");
		String refreshToken;
		try (Sandbox first = Sandbox.start(stateFile)) {
			refreshToken = SandboxTokens.deviceCode(first, SandboxDirectory.GRAPH_CLI_APP_ID,
					"https://graph.microsoft.com/User.Read").path("refresh_token").asText();
		}
		try (Sandbox second = Sandbox.start(stateFile)) {
			SandboxHttp.Response response = new SandboxHttp(second).postForm(IdentityProtocolTests.tokenEndpoint(second),
					Map.of("grant_type", "refresh_token", "client_id", SandboxDirectory.GRAPH_CLI_APP_ID, "refresh_token",
							refreshToken, "scope", "openid offline_access https://graph.microsoft.com/User.Read"));
			assertThat(response.status()).as(response.text()).isEqualTo(200);
		}
	}

	@Test
	void twoRunningServersOnOneFileSeeEachOthersChanges() {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile)) {
			GraphFixture firstGraph = new GraphFixture(first);
			try (Sandbox second = Sandbox.start(stateFile)) {
				String appId = new GraphFixture(second).createApplication("made by second").path("appId").asText();
				firstGraph.createApplication("made by first");
				assertThat(SandboxInspector.of(first).tenant().applicationByAppId(appId)).isPresent();
				assertThat(SandboxInspector.of(second).tenant().applications()).hasSize(2);
			}
		}
	}

	@Test
	void stateFileNeverHoldsAClientSecret() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		String secret;
		try (Sandbox server = Sandbox.start(stateFile)) {
			GraphFixture graph = new GraphFixture(server);
			JsonNode app = graph.createApplication("secretive");
			secret = graph.addPassword(app.path("id").asText()).path("secretText").asText();
		}
		String content = Files.readString(stateFile, StandardCharsets.UTF_8);
		assertThat(content).doesNotContain(secret).contains("\"secretHashes\"").contains("\"format\" : \"dicomreg-sandbox-state\"");
	}

	@Test
	void stateFileIsReadableByItsOwnerOnly() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox server = Sandbox.start(stateFile)) {
			new GraphFixture(server).createApplication("private");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile))).isEqualTo("rw-------");
	}

	@Test
	void stateFileAndLockFileAreCreatedOwnerOnlyAndReportedAsPrivate() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox server = Sandbox.start(stateFile)) {
			assertThat(server.filesReadableByOthers()).isEmpty();
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(stateFile + ".lock"))))
			.isEqualTo("rw-------");
		try (Sandbox server = Sandbox.start(null)) {
			assertThat(server.filesReadableByOthers()).isEmpty();
		}
	}

	@Test
	void stateFileOrLockFileOthersCanReadIsReported() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path stateFile = this.directory.resolve("tenant.json");
		Path lockFile = Path.of(stateFile + ".lock");
		try (Sandbox server = Sandbox.start(stateFile)) {
			new GraphFixture(server).createApplication("shared too widely");
		}
		Files.setPosixFilePermissions(stateFile, PosixFilePermissions.fromString("rw-r--r--"));
		try (Sandbox server = Sandbox.start(stateFile)) {
			assertThat(server.filesReadableByOthers()).containsExactly(stateFile);
		}
		Files.setPosixFilePermissions(stateFile, PosixFilePermissions.fromString("rw-------"));
		Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-rw----"));
		try (Sandbox server = Sandbox.start(stateFile)) {
			assertThat(server.filesReadableByOthers()).containsExactly(lockFile);
		}
	}

	@Test
	void missingFileIsCreatedWithAFreshTenantWhenTheServerStarts() throws Exception {
		Path stateFile = this.directory.resolve("nested/tenant.json");
		try (Sandbox server = Sandbox.start(stateFile)) {
			assertThat(stateFile).exists();
			assertThat(Files.readString(stateFile)).contains(server.tenantId());
		}
	}

	@Test
	void serversStartingOnOneMissingFileShareOneTenant() {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox first = Sandbox.start(stateFile); Sandbox second = Sandbox.start(stateFile)) {
			assertThat(second.tenantId()).isEqualTo(first.tenantId());
			String appId = new GraphFixture(second).createApplication("made by second").path("appId").asText();
			assertThat(SandboxInspector.of(first).tenant().applicationByAppId(appId)).isPresent();
		}
	}

	@Test
	void fileThatIsNotJsonIsRefusedAndLeftUntouched() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		byte[] garbage = "{ this is not a sandbox".getBytes(StandardCharsets.UTF_8);
		Files.write(stateFile, garbage);
		assertThatExceptionOfType(Sandbox.StateException.class).isThrownBy(() -> Sandbox.start(stateFile))
			.withMessageStartingWith("Sandbox state file " + stateFile.toAbsolutePath()
					+ " is not a valid dicomreg sandbox state (")
			.withMessageEndingWith("). Fix it or pass a new file name to start a fresh tenant.");
		assertThat(Files.readAllBytes(stateFile)).isEqualTo(garbage);
	}

	@Test
	void jsonWithoutTheFormatMarkerIsRefused() throws Exception {
		Path stateFile = this.directory.resolve("other.json");
		Files.writeString(stateFile, "{\"tenantId\":\"x\"}");
		assertThatExceptionOfType(Sandbox.StateException.class).isThrownBy(() -> Sandbox.start(stateFile))
			.withMessage("Sandbox state file " + stateFile.toAbsolutePath() + " is not a valid dicomreg sandbox state "
					+ "(no \"format\": \"dicomreg-sandbox-state\" marker). Fix it or pass a new file name to start a "
					+ "fresh tenant.");
	}

	@Test
	void unsupportedVersionIsRefused() throws Exception {
		Path stateFile = this.directory.resolve("future.json");
		Files.writeString(stateFile, "{\"format\":\"dicomreg-sandbox-state\",\"version\":99}");
		assertThatExceptionOfType(Sandbox.StateException.class).isThrownBy(() -> Sandbox.start(stateFile))
			.withMessageContaining("(unsupported version 99, expected 1)");
	}

	@Test
	void truncatedStateFileIsRefusedInOneLineWithoutItsContent() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (Sandbox server = Sandbox.start(stateFile)) {
			new GraphFixture(server).createApplication("kept");
		}
		String content = Files.readString(stateFile);
		Files.writeString(stateFile, content.substring(0, content.length() / 2));
		assertThatExceptionOfType(Sandbox.StateException.class).isThrownBy(() -> Sandbox.start(stateFile))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("Sandbox state file " + stateFile
					+ " is not a valid dicomreg sandbox state (").doesNotContain("\n", "\r", "privateKeyPkcs8", "MII"));
	}

	@Test
	void fifoIsRefusedWithoutWaitingForAWriter() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		assumeThat(new ProcessBuilder("mkfifo", stateFile.toString()).start().waitFor()).isZero();
		assertRefusedPromptly(stateFile, "(cannot be read: it is not a regular file)");
	}

	@Test
	void linkToDevZeroIsRefusedWithoutReadingIt() throws Exception {
		assumeThat(Path.of("/dev/zero")).exists();
		Path stateFile = Files.createSymbolicLink(this.directory.resolve("tenant.json"), Path.of("/dev/zero"));
		assertRefusedPromptly(stateFile, "(cannot be read: it is not a regular file)");
	}

	@Test
	void stateFileOver16MibIsRefusedWithoutReadingIt() throws Exception {
		Path stateFile = this.directory.resolve("tenant.json");
		try (RandomAccessFile file = new RandomAccessFile(stateFile.toFile(), "rw")) {
			file.setLength(16L * 1024 * 1024 + 1);
		}
		assertRefusedPromptly(stateFile, "(cannot be read: it is larger than 16 MiB)");
		assertThat(Files.size(stateFile)).isEqualTo(16L * 1024 * 1024 + 1);
	}

	private static void assertRefusedPromptly(Path stateFile, String reason) {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatExceptionOfType(Sandbox.StateException.class)
			.isThrownBy(() -> Sandbox.start(stateFile))
			.withMessage("Sandbox state file " + stateFile + " is not a valid dicomreg sandbox state " + reason
					+ ". Fix it or pass a new file name to start a fresh tenant."));
	}

	@Test
	void unreadableStateFileIsRefused() throws Exception {
		Path stateFile = Files.createDirectory(this.directory.resolve("a-directory.json"));
		assertThatExceptionOfType(Sandbox.StateException.class).isThrownBy(() -> Sandbox.start(stateFile))
			.withMessageContaining("(cannot be read: it is a directory)");
	}

}
