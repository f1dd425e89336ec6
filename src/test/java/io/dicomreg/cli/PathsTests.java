package io.dicomreg.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dicomreg.apps.credentials.CredentialStatus;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * File options read as paths, and the note under credential lists.
 */
class PathsTests {

	@Test
	void aLeadingTildeIsTheHomeFolderAsAShellWouldExpandIt() {
		Path home = Path.of(System.getProperty("user.home"));

		assertThat(Paths.of("~/certs/dicom", "--out")).isEqualTo(home.resolve("certs/dicom"));
		assertThat(Paths.of("~", "--out")).isEqualTo(home);
		assertThat(Paths.of(" certs/~x ", "--out")).isEqualTo(Path.of("certs/~x"));
		assertThat(Paths.of(null, "--out")).isNull();
	}

	@Test
	void blankOrImpossiblePathsAreUsageErrorsNamingTheOption() {
		assertThatThrownBy(() -> Paths.of(" ", "--save-to")).isInstanceOfSatisfying(DicomregException.class, ex -> {
			assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(ex.getMessage()).isEqualTo("--save-to is empty: give a file path.");
		});
		assertThatThrownBy(() -> Paths.of("bad\0path", "--save-to")).hasMessageStartingWith("--save-to holds a control character");
		assertThatThrownBy(() -> Paths.of("txt.exe\u202Egpj", "--save-to"))
			.hasMessageStartingWith("--save-to holds a bidirectional override or isolate character");
	}

	@Test
	void theExpiryNoteCountsOnlyWhatIsFlagged() {
		assertThat(ExpiryNote.of(List.of(CredentialStatus.VALID), "secret", "'secret add'", "'secret remove KEYID'"))
			.isNull();
		assertThat(ExpiryNote.of(List.of(CredentialStatus.EXPIRED, CredentialStatus.EXPIRING, CredentialStatus.EXPIRING,
				CredentialStatus.VALID), "certificate", "'cert upload'", "'cert remove THUMBPRINT'"))
			.isEqualTo("! 1 expired, 2 expiring within 30 days: add a new certificate with 'cert upload', move your "
					+ "clients to it, then remove the old one with 'cert remove THUMBPRINT'.");
	}

}
