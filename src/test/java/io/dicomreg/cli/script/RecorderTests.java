package io.dicomreg.cli.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.cli.AppCommands;
import io.dicomreg.cli.AuthCommands;
import io.dicomreg.cli.CertificateCommands;
import io.dicomreg.cli.CommandLineParser;
import io.dicomreg.cli.SessionCommands;
import io.dicomreg.cli.ShellCommands;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.error.DicomregException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the recorder writes for the lines the shell hands it.
 */
class RecorderTests {

	@TempDir
	Path directory;

	private final CommandLineParser parser = new CommandLineParser(CommandCatalogue.of(List.of(AppCommands.class,
			AuthCommands.class, CertificateCommands.class, SessionCommands.class, ShellCommands.class, ScriptCommands.class,
			RecordCommands.class)));

	private final Recorder recorder = new Recorder(Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC),
			this.parser::parse);

	@Test
	void recordsCommandsRequotedAndLeavesOutTheShellsOwnHelpAndDryRuns() throws IOException {
		Path file = this.recorder.start(this.directory.resolve("s.dicomreg"));
		this.recorder.offer("app register --name 'DICOM client'   --unique-name dicom-client");
		List.of("help", "whoami", "logout", "history", "auth show --help", "auth platform add web --redirect-uri x --dry-run",
				"auth show --dry-run=true", "record stop").forEach(this.recorder::offer);
		this.recorder.offer("auth public-client on --dry-run=false");

		assertThat(commands(file)).containsExactly("app register --name \"DICOM client\" --unique-name dicom-client",
				"auth public-client on --dry-run=false");
		assertThat(this.recorder.stop().commands()).isEqualTo(2);
	}

	@Test
	void aConfirmedDeleteReplaysWithYes() throws IOException {
		Path file = this.recorder.start(this.directory.resolve("s.dicomreg"));
		this.recorder.offer("app delete --app x");
		this.recorder.offer("app delete --app y --yes");
		assertThat(commands(file)).containsExactly("app delete --app x --yes", "app delete --app y --yes");
	}

	@Test
	void aPfxReadWithThePromptGetsAWarningInTheFileAndForThePerson() throws IOException {
		Path file = this.recorder.start(this.directory.resolve("s.dicomreg"));
		String note = this.recorder.offer("cert upload --file client.pfx");
		assertThat(note).contains("add --pfx-password-env VAR to that line of s.dicomreg");
		assertThat(Files.readAllLines(file)).contains(
				"# The next line asks for the PFX password: add --pfx-password-env VAR to replay it.",
				"cert upload --file client.pfx");
		assertThat(this.recorder.offer("cert upload --file other.pfx --pfx-password-env PFX")).isNull();
	}

	@Test
	void aScriptRunDuringTheRecordingLeavesAComment() throws IOException {
		Path file = this.recorder.start(this.directory.resolve("s.dicomreg"));
		this.recorder.offer("script setup.dicomreg --var A=b");
		assertThat(Files.readAllLines(file)).contains("# (a script ran here: script setup.dicomreg --var A=b)");
		assertThat(this.recorder.current().orElseThrow().commands()).isZero();
	}

	@Test
	void aFileThatCannotBeWrittenStopsTheRecordingWithANote() throws IOException {
		Path file = this.recorder.start(this.directory.resolve("s.dicomreg"));
		Files.delete(file);
		Files.createDirectory(file);
		assertThat(this.recorder.offer("auth public-client on")).startsWith("Recording stopped: could not add to " + file);
		assertThat(this.recorder.current()).isEmpty();
	}

	@Test
	void startingTwiceOrOnAnExistingFileOrStoppingWhenNotRecordingIsRefused() throws IOException {
		Path existing = Files.writeString(this.directory.resolve("mine.dicomreg"), "# mine\n");
		assertThatExceptionOfType(DicomregException.class).isThrownBy(() -> this.recorder.start(existing))
			.withMessageContaining("already exists: dicomreg never overwrites it");
		assertThatExceptionOfType(DicomregException.class).isThrownBy(this.recorder::stop)
			.withMessage("Not recording: 'record start FILE' starts.");
		this.recorder.start(this.directory.resolve("s.dicomreg"));
		assertThatExceptionOfType(DicomregException.class)
			.isThrownBy(() -> this.recorder.start(this.directory.resolve("t.dicomreg")))
			.withMessageStartingWith("Already recording into");
		assertThat(Files.readString(existing)).isEqualTo("# mine\n");
	}

	private static List<String> commands(Path file) throws IOException {
		return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
	}

}
