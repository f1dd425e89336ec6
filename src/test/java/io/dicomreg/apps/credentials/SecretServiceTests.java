package io.dicomreg.apps.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.AzureCloud;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.sandbox.SandboxInspector;
import io.dicomreg.sandbox.http.RecordedRequest;
import io.dicomreg.support.SandboxAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Client secrets through the real Graph SDK against the sandbox tenant.
 */
class SecretServiceTests {

	@TempDir
	Path directory;

	/**
	 * One sandbox tenant and signed-in administrator for the whole class: every test registers an application of its
	 * own, works only on that one, and clears the request log before counting requests.
	 */
	private static ConnectionTarget target;

	private static SandboxAdmin admin;

	private SecretService secrets;

	private AppRef app;

	@BeforeAll
	static void signIn(@TempDir Path adminHome) {
		target = new ConnectionTarget(true, null, AzureCloud.AzureCloud, null, null);
		admin = SandboxAdmin.signIn(target, adminHome);
	}

	@BeforeEach
	void registerAnApplication() {
		this.secrets = new SecretService(admin.gateway());
		RegisteredApplication registered = admin.register("DICOM client");
		this.app = new AppRef(registered.objectId(), registered.appId(), registered.displayName());
	}

	@AfterAll
	static void close() {
		target.close();
	}

	@Test
	void addsASecretForSixMonthsByDefaultAndReturnsItsValueOnce() {
		AddedSecret added = this.secrets.addSecret(this.app, SecretRequest.withDescription("  Postman  "), DryRun.off());

		assertThat(added.changed()).isTrue();
		assertThat(added.savedTo()).isNull();
		assertThat(added.secretText()).hasSize(40).startsWith(added.secret().hint());
		assertThat(added.secret().description()).isEqualTo("Postman");
		assertThat(added.secret().end()).isCloseTo(OffsetDateTime.now(ZoneOffset.UTC).plusMonths(6), within(Duration.ofMinutes(1)));
		assertThat(added.secret().status()).isEqualTo(CredentialStatus.VALID);
		assertThat(added.toString()).doesNotContain(added.secretText()).contains("(hidden)");
		assertThat(SandboxInspector.of(target.sandbox()).tenant().secretCount(this.app.appId())).isEqualTo(1);
		assertThat(this.secrets.listSecrets(this.app)).extracting(ClientSecret::keyId).containsExactly(added.secret().keyId());
		assertThat(this.secrets.listSecrets(this.app).toString()).doesNotContain(added.secretText());
	}

	@Test
	void monthsCountFromNowAndADateMeansTheEndOfThatDayInUtc() {
		LocalDate date = LocalDate.now(ZoneOffset.UTC).plusMonths(3);

		AddedSecret twoYears = this.secrets.addSecret(this.app, new SecretRequest(null, "24m", null), DryRun.off());
		AddedSecret onDate = this.secrets.addSecret(this.app, new SecretRequest(null, date.toString(), null), DryRun.off());

		assertThat(twoYears.secret().end()).isCloseTo(OffsetDateTime.now(ZoneOffset.UTC).plusMonths(24),
				within(Duration.ofMinutes(1)));
		assertThat(onDate.secret().end()).isEqualTo(date.atTime(23, 59, 59).atOffset(ZoneOffset.UTC));
	}

	@Test
	void lifetimesOverTwentyFourMonthsPastDatesAndOtherFormsAreRefusedBeforeAnyRequest() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		SandboxInspector.of(target.sandbox()).clearRequests();

		assertUsageError(() -> this.secrets.addSecret(this.app, new SecretRequest(null, "25m", null), DryRun.off()), "The secret's lifetime 25m");
		assertUsageError(() -> this.secrets.addSecret(this.app, new SecretRequest(null, "0m", null), DryRun.off()), "The secret's lifetime 0m");
		assertUsageError(() -> this.secrets.addSecret(this.app,
				new SecretRequest(null, LocalDate.now(ZoneOffset.UTC).plusMonths(24).plusDays(1).toString(), null), DryRun.off()),
				"more than 24 months");
		assertUsageError(() -> this.secrets.addSecret(this.app,
				new SecretRequest(null, LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), null), DryRun.off()), "in the past");
		assertUsageError(() -> this.secrets.addSecret(this.app, new SecretRequest(null, "2026-02-30", null), DryRun.off()),
				"is not a date");
		assertUsageError(() -> this.secrets.addSecret(this.app, new SecretRequest(null, "2 years", null), DryRun.off()), "The secret's lifetime takes");
		assertThat(SandboxInspector.of(target.sandbox()).requests()).isEmpty();

		assertThat(this.secrets.addSecret(this.app, new SecretRequest(null, today, null), DryRun.off()).secret().end().toLocalDate())
			.hasToString(today);
	}

	@Test
	void saveToWritesTheValueOnlyToANewOwnerOnlyFile() throws Exception {
		Path file = this.directory.resolve("secret.txt");

		AddedSecret added = this.secrets.addSecret(this.app, new SecretRequest("CI", null, file), DryRun.off());

		assertThat(added.secretText()).isNull();
		assertThat(added.savedTo()).isEqualTo(file.toAbsolutePath());
		assertThat(Files.readString(file)).hasSize(40).startsWith(added.secret().hint());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.directory).isDirectoryNotContaining("glob:**/.dicomreg*");
	}

	@Test
	void saveToAnExistingFileOrAMissingFolderIsRefusedWithoutAnyGraphRequest() throws Exception {
		Path existing = Files.writeString(this.directory.resolve("existing.txt"), "keep me");
		SandboxInspector.of(target.sandbox()).clearRequests();

		assertUsageError(() -> this.secrets.addSecret(this.app, new SecretRequest(null, null, existing), DryRun.off()),
				"already exists");
		assertUsageError(() -> this.secrets.addSecret(this.app,
				new SecretRequest(null, null, this.directory.resolve("no-such-folder/secret.txt")), DryRun.off()), "does not exist");
		assertUsageError(() -> this.secrets.validate(new SecretRequest(null, null, existing)), "already exists");

		assertThat(SandboxInspector.of(target.sandbox()).requests()).isEmpty();
		assertThat(existing).hasContent("keep me");
		assertThat(SandboxInspector.of(target.sandbox()).tenant().secretCount(this.app.appId())).isZero();
	}

	@Test
	void listIsSortedByEndDateWithExpiredAndExpiringFlagged() {
		this.secrets.addSecret(this.app, new SecretRequest("twelve", "12m", null), DryRun.off());
		this.secrets.addSecret(this.app, new SecretRequest("three", "3m", null), DryRun.off());
		this.secrets.addSecret(this.app, new SecretRequest("six", "6m", null), DryRun.off());
		// Seen from 170 days on: the 3-month secret has expired, the 6-month one has about 12 days left.
		SecretService later = new SecretService(admin.gateway(),
				Clock.fixed(Instant.now().plus(Duration.ofDays(170)), ZoneOffset.UTC));

		List<ClientSecret> listed = later.listSecrets(this.app);

		assertThat(listed).extracting(ClientSecret::description).containsExactly("three", "six", "twelve");
		assertThat(listed).extracting(ClientSecret::status)
			.containsExactly(CredentialStatus.EXPIRED, CredentialStatus.EXPIRING, CredentialStatus.VALID);
		assertThat(listed.get(0).daysLeft()).isNegative();
		assertThat(listed.get(1).daysLeft()).isBetween(9L, 15L);
		assertThat(listed).allSatisfy(secret -> assertThat(secret.hint()).hasSize(3));
	}

	@Test
	void removeTakesOnlyTheSecretNamed() {
		AddedSecret first = this.secrets.addSecret(this.app, SecretRequest.withDescription("first"), DryRun.off());
		AddedSecret second = this.secrets.addSecret(this.app, SecretRequest.withDescription("second"), DryRun.off());

		RemovedSecret removed = this.secrets.removeSecret(this.app, first.secret().keyId(), DryRun.off());

		assertThat(removed.changed()).isTrue();
		assertThat(removed.secret().description()).isEqualTo("first");
		assertThat(this.secrets.listSecrets(this.app)).extracting(ClientSecret::keyId)
			.containsExactly(second.secret().keyId());
		assertThat(SandboxInspector.of(target.sandbox()).tenant().secretCount(this.app.appId())).isEqualTo(1);
	}

	@Test
	void removingAKeyIdTheAppDoesNotHaveChangesNothingAndWritesNothing() {
		this.secrets.addSecret(this.app, SecretRequest.withDescription("kept"), DryRun.off());
		UUID unknown = UUID.randomUUID();
		SandboxInspector.of(target.sandbox()).clearRequests();

		RemovedSecret removed = this.secrets.removeSecret(this.app, unknown, DryRun.off());

		assertThat(removed.changed()).isFalse();
		assertThat(removed.secret()).isNull();
		assertThat(removed.keyId()).isEqualTo(unknown);

		assertThat(writes()).isEmpty();
		assertThat(this.secrets.listSecrets(this.app)).hasSize(1);
	}

	@Test
	void keyIdsAreParsedWithAUsageErrorForAnythingElse() {
		UUID keyId = UUID.randomUUID();

		assertThat(SecretService.keyId(" " + keyId + " ")).isEqualTo(keyId);
		assertUsageError(() -> SecretService.keyId("not-a-key"), "is not a key ID");
		assertUsageError(() -> SecretService.keyId(""), "Give the key ID");
		assertUsageError(() -> SecretService.keyId(null), "Give the key ID");
	}

	@Test
	void graphRefusalBecomesOneLineWithItsCodeAndRequestId() {
		SandboxInspector.of(target.sandbox()).injectFault("POST", "/v1.0/applications/" + this.app.objectId() + "/addPassword", 403,
				1, null);

		assertThatThrownBy(() -> this.secrets.addSecret(this.app, SecretRequest.withDescription("refused"), DryRun.off()))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.FAILURE);
				assertThat(ex.getMessage()).startsWith("Adding the client secret failed: UnknownError")
					.contains("request-id")
					.doesNotContain("\n");
			});
	}

	private List<RecordedRequest> writes() {
		return SandboxInspector.of(target.sandbox()).requests().stream().filter(RecordedRequest::graphWrite).toList();
	}

	static void assertUsageError(Runnable call, String messagePart) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(DicomregException.class, ex -> {
			assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(ex.getMessage()).contains(messagePart).doesNotContain("\n");
		});
	}

}
