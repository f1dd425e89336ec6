package io.dicomreg.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.error.Echo;
import io.dicomreg.support.TerminalSession;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client secret pasted where dicomreg expects something else is never echoed by an error, and a
 * refused line never reaches the shell history.
 */
class PastedSecretTests {

	/** Shaped like an Entra client secret value. */
	private static final String SECRET = "Ab78Q~Xq3vZ9.kL2_mN4pR6sT8uW0yB1cD3eF5gH";

	@TempDir
	Path directory;

	@Test
	void everyErrorThatQuotesATypedWordShowsOnlyTheStartOfASecretShapedOne() {
		TestShell shell = new TestShell(this.directory.resolve("home"), "--sandbox-state",
				this.directory.resolve("tenant.json").toString());
		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("app", "register", "--name", "x").exitCode()).isZero();
		List<TestShell.Result> runs = new ArrayList<>();
		runs.add(shell.run(SECRET));
		runs.add(shell.run("app", SECRET));
		runs.add(shell.run("app", "show", "--" + SECRET));
		runs.add(shell.run("app", "show", "--app", SECRET));
		runs.add(shell.run("app", "list", "--top", SECRET));
		runs.add(shell.run("app", "register", "--name", "y", "--audience", SECRET));
		runs.add(shell.run("app", "use", SECRET));
		runs.add(shell.run("auth", "platform", "add", SECRET));
		runs.add(shell.run("auth", "public-client", SECRET));
		runs.add(shell.run("secret", "add", "--expires", SECRET));
		runs.add(shell.run("secret", "remove", SECRET));
		runs.add(shell.run("cert", "remove", SECRET));
		runs.add(shell.run("permission", "add", "--resource-app", SECRET, "--scope", "x"));
		runs.add(shell.run("help", SECRET));
		runs.add(shell.run("--output", SECRET, "whoami"));
		runs.add(shell.run("app", "show", "--output", SECRET));
		runs.add(shell.run("--cloud", SECRET, "whoami"));
		runs.add(shell.run("--" + SECRET));

		for (TestShell.Result run : runs) {
			assertThat(run.exitCode()).as(run.all()).isNotZero();
			assertThat(run.all()).as("an error echoed the secret").doesNotContain(SECRET).doesNotContain(SECRET.substring(3));
		}
		assertThat(runs.get(0).err()).contains("Unknown command 'Ab7...' (40 characters)");
	}

	@Test
	void shortWordsNamesWithSpacesAndGuidsAreStillQuotedWhole() {
		assertThat(Echo.quoted("frobnicate")).isEqualTo("'frobnicate'");
		assertThat(Echo.quoted("My DICOM client for the radiology department")).isEqualTo(
				"'My DICOM client for the radiology department'");
		assertThat(Echo.quoted("0f8fad5b-d9cb-469f-a165-70867728950e")).isEqualTo("'0f8fad5b-d9cb-469f-a165-70867728950e'");
		assertThat(Echo.quoted(SECRET)).isEqualTo("'Ab7...' (40 characters)");
	}

	@Test
	void aRefusedLineIsNotAddedToTheHistoryAndALineThatRanIs() throws Exception {
		Path home = this.directory.resolve("home");
		try (TerminalSession shell = TerminalSession.start(home, "--sandbox")) {
			shell.expect("> ").enter(SECRET).expect("Unknown command").expect("> ");
			shell.enter("app " + SECRET).expect("Unknown command").expect("> ");
			shell.enter("version").expect("Version:").expect("> ");
			shell.endInput();
		}

		String history = Files.readString(home.resolve("history"), StandardCharsets.UTF_8);
		assertThat(history).doesNotContain(SECRET.substring(3)).contains("version");
	}

}
