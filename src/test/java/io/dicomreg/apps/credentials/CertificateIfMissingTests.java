package io.dicomreg.apps.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.config.DryRun;
import io.dicomreg.support.TestCertificates;

import static io.dicomreg.apps.credentials.SecretServiceTests.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cert create --if-missing}: files of an earlier run are kept when they hold what was asked,
 * and refused in one line, never overwritten, when they do not. Local only: no Graph.
 */
class CertificateIfMissingTests {

	private static final String PASSWORD_VARIABLE = "DICOMREG_TEST_PFX_PASSWORD";

	@TempDir
	Path directory;

	private final CertificateFileService certificates = at(Instant.now());

	@Test
	void aFirstRunMakesTheFilesAndAReplayKeepsThemByteForByte() throws Exception {
		Path prefix = this.directory.resolve("dicom-client");

		CreatedCertificate first = create("CN=DICOM client,O=Contoso", prefix, PASSWORD_VARIABLE, true);
		Snapshot before = Snapshot.of(first.files());
		CreatedCertificate again = create("cn=dicom client, o=Contoso", prefix, PASSWORD_VARIABLE, true);

		assertThat(first.changed()).isTrue();
		assertThat(again.changed()).isFalse();
		assertThat(again.files()).isEqualTo(first.files());
		assertThat(again).usingRecursiveComparison().ignoringFields("changed").isEqualTo(first);
		assertThat(Snapshot.of(first.files())).isEqualTo(before);
		assertThat(listing()).containsExactly("dicom-client.crt", "dicom-client.key", "dicom-client.pfx");
	}

	@Test
	void aReplayWithoutPfxKeepsTheCertificateAndKeyAndIgnoresAnOlderPfx() throws Exception {
		Path prefix = this.directory.resolve("plain");
		CreatedCertificate first = create("DICOM client", prefix, null, false);
		Files.writeString(this.directory.resolve("plain.pfx"), "an older PFX");
		Snapshot before = Snapshot.of(List.of(this.directory.resolve("plain.crt"), this.directory.resolve("plain.key"),
				this.directory.resolve("plain.pfx")));

		CreatedCertificate again = create("CN=DICOM client", this.directory.resolve("plain.crt"), null, true);

		assertThat(again.changed()).isFalse();
		assertThat(again.pfxFile()).isNull();
		assertThat(again.thumbprint()).isEqualTo(first.thumbprint());
		assertThat(again.key()).isEqualTo("RSA 2048");
		assertThat(again.signatureAlgorithm()).isEqualTo("SHA256withRSA");
		assertThat(Snapshot.of(before.files())).isEqualTo(before);
	}

	@Test
	void withoutIfMissingAReplayIsStillRefused() throws Exception {
		Path prefix = this.directory.resolve("twice");
		Snapshot before = Snapshot.of(create("CN=twice", prefix, null, false).files());

		assertUsageError(() -> create("CN=twice", prefix, null, false), "already exists");

		assertThat(Snapshot.of(before.files())).isEqualTo(before);
	}

	@Test
	void anIncompleteSetIsRefusedNamingWhatIsThereAndWhatIsNot() throws Exception {
		Path prefix = this.directory.resolve("partial");
		CreatedCertificate made = create("CN=partial", prefix, null, false);
		Files.delete(made.keyFile());
		Path other = this.directory.resolve("other");
		create("CN=other", other, null, false);
		Snapshot before = Snapshot.of(List.of(made.certificateFile(), this.directory.resolve("other.crt"),
				this.directory.resolve("other.key")));

		assertUsageError(() -> create("CN=partial", prefix, null, true), made.certificateFile() + " is already there but "
				+ made.keyFile() + " is not");
		assertUsageError(() -> create("CN=partial", prefix, null, true), "move " + made.certificateFile()
				+ " away or choose other names for the certificate's files");
		assertUsageError(() -> create("CN=other", other, PASSWORD_VARIABLE, true), "other.crt and "
				+ this.directory.resolve("other.key") + " are already there but " + this.directory.resolve("other.pfx")
				+ " is not");

		assertThat(Snapshot.of(before.files())).isEqualTo(before);
		assertThat(listing()).containsExactly("other.crt", "other.key", "partial.crt");
	}

	@Test
	void aCertificateForAnotherSubjectIsRefused() throws Exception {
		Path prefix = this.directory.resolve("subject");
		Snapshot before = Snapshot.of(create("CN=DICOM client,O=Contoso", prefix, null, false).files());

		assertUsageError(() -> create("CN=DICOM client", prefix, null, true),
				"is for CN=DICOM client,O=Contoso, not CN=DICOM client: move the files away or choose other file names");
		assertUsageError(() -> create("O=Contoso,CN=DICOM client", prefix, null, true), "not O=Contoso,CN=DICOM client");

		assertThat(Snapshot.of(before.files())).isEqualTo(before);
	}

	@Test
	void aKeyThatDoesNotBelongToTheCertificateIsRefused() throws Exception {
		Path prefix = this.directory.resolve("mine");
		CreatedCertificate mine = create("CN=same", prefix, null, false);
		CreatedCertificate theirs = create("CN=same", this.directory.resolve("theirs"), null, false);
		Files.copy(theirs.keyFile(), mine.keyFile(), StandardCopyOption.REPLACE_EXISTING);
		Snapshot before = Snapshot.of(mine.files());

		assertUsageError(() -> create("CN=same", prefix, null, true),
				"The private key in " + mine.keyFile() + " does not belong to the certificate in " + mine.certificateFile());
		assertThat(Snapshot.of(mine.files())).isEqualTo(before);
		Files.writeString(mine.keyFile(), "not a key");
		assertUsageError(() -> create("CN=same", prefix, null, true), mine.keyFile() + " holds no PEM private key");
		Files.write(mine.keyFile(), Files.readAllBytes(theirs.certificateFile()));
		assertUsageError(() -> create("CN=same", prefix, null, true), mine.keyFile() + " holds no PEM private key");
		TestCertificates.selfSigned("same").writePemWithEncryptedKey(mine.keyFile(), "key".toCharArray());
		assertUsageError(() -> create("CN=same", prefix, null, true),
				"The private key in " + mine.keyFile() + " is encrypted, and cert create writes it unencrypted");
		Files.delete(mine.keyFile());
		Files.createDirectory(mine.keyFile());
		assertUsageError(() -> create("CN=same", prefix, null, true), mine.keyFile() + " is a folder, not a file: move the files away");
		Files.writeString(mine.certificateFile(), "not a certificate");
		assertUsageError(() -> create("CN=same", prefix, null, true), mine.certificateFile() + " holds no certificate");

		assertThat(mine.certificateFile()).hasContent("not a certificate");
	}

	@Test
	void anExpiredOrNotYetValidCertificateIsRefused() throws Exception {
		Path prefix = this.directory.resolve("dated");
		Snapshot before = Snapshot.of(create("CN=dated", prefix, null, false).files());

		assertUsageError(() -> at(Instant.now().plus(Duration.ofDays(400))).createCertificate(
				new CertificateRequest("CN=dated", 1, prefix, null, true), DryRun.off()), "dated.crt expired on");
		assertUsageError(() -> at(Instant.now().minus(Duration.ofHours(1))).createCertificate(
				new CertificateRequest("CN=dated", 1, prefix, null, true), DryRun.off()), "dated.crt is not valid before");

		assertThat(Snapshot.of(before.files())).isEqualTo(before);
	}

	@Test
	void aPfxThatDoesNotOpenWithThePasswordOrHoldsAnotherCertificateIsRefused() throws Exception {
		Path prefix = this.directory.resolve("pfx");
		CreatedCertificate made = create("CN=pfx", prefix, PASSWORD_VARIABLE, false);
		CreatedCertificate other = create("CN=pfx", this.directory.resolve("other"), PASSWORD_VARIABLE, false);
		CertificateFileService otherPassword = new CertificateFileService(Clock.systemUTC(),
				Map.of(PASSWORD_VARIABLE, "another password")::get);

		assertUsageError(() -> otherPassword.createCertificate(new CertificateRequest("CN=pfx", 1, prefix,
				PASSWORD_VARIABLE, true), DryRun.off()), "The PFX file " + made.pfxFile() + " does not open with the password");
		assertUsageError(() -> create("CN=pfx", prefix, "UNSET_VARIABLE_FOR_DICOMREG", true), "is not set");
		Files.copy(other.pfxFile(), made.pfxFile(), StandardCopyOption.REPLACE_EXISTING);
		assertUsageError(() -> create("CN=pfx", prefix, PASSWORD_VARIABLE, true), "The PFX file " + made.pfxFile()
				+ " does not hold the certificate in " + made.certificateFile());
	}

	@Test
	void badRequestsAreStillRefusedBeforeTheFilesAreLookedAt() throws Exception {
		Path prefix = this.directory.resolve("checked");
		create("CN=checked", prefix, null, false);

		assertUsageError(() -> create("", prefix, null, true), "The certificate's subject is required");
		assertUsageError(() -> this.certificates.createCertificate(new CertificateRequest("CN=checked", 4, prefix, null,
				true), DryRun.off()), "validity in years must be 1 to 3");
		assertUsageError(() -> create("CN=checked", this.directory.resolve("missing/checked"), null, true),
				"does not exist");
	}

	private CreatedCertificate create(String subject, Path prefix, String passwordEnv, boolean ifMissing) {
		return this.certificates.createCertificate(new CertificateRequest(subject, 1, prefix, passwordEnv, ifMissing), DryRun.off());
	}

	private static CertificateFileService at(Instant now) {
		return new CertificateFileService(Clock.fixed(now, ZoneOffset.UTC),
				Map.of(PASSWORD_VARIABLE, "correct horse battery staple")::get);
	}

	private List<String> listing() throws Exception {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

	/** The bytes and modification times of files, to show that nothing was written. */
	private record Snapshot(List<Path> files, List<String> contents, List<FileTime> modified) {

		static Snapshot of(List<Path> files) throws Exception {
			List<String> contents = new ArrayList<>();
			List<FileTime> modified = new ArrayList<>();
			for (Path file : files) {
				contents.add(Files.exists(file) ? HexFormat.of().formatHex(Files.readAllBytes(file)) : null);
				modified.add(Files.exists(file) ? Files.getLastModifiedTime(file) : null);
			}
			return new Snapshot(List.copyOf(files), contents, modified);
		}

	}

}
