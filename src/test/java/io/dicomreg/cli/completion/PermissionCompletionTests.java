package io.dicomreg.cli.completion;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.ExtendedDefaultParser;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Streams;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion of API names and permission names in the running application: the annotated
 * commands, the {@code completions} bean and the completers, against a signed-in sandbox tenant.
 */
class PermissionCompletionTests {

	@TempDir
	Path directory;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void signInAndStart() {
		Path home = this.directory.resolve("home");
		String state = this.directory.resolve("tenant.json").toString();
		assertThat(new TestShell(home, "--sandbox-state", state).run("login").exitCode()).isZero();
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		this.context = DicomregApplication.application(GlobalOptions.parse(new String[] { "--sandbox-state", state, "help" }),
				new Streams(quiet, quiet), new DicomregHome(home)).run();
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void scopeNamesOfTheApiNamedOnTheLineAreProposed() {
		List<CompletionProposal> proposals = completer().proposals(
				List.of("permission", "add", "--resource-app", "Azure API for DICOM", "--scope", "Di"), 5, 2);

		assertThat(proposals).extracting(CompletionProposal::value).containsExactly("Dicom.ReadWrite");
	}

	@Test
	void typedLineWithAQuotedApiNameCompletesTheScopeThroughTheShellsCompleter() {
		assertThat(complete("permission add --resource-app 'Azure API for DICOM' --scope Di"))
			.contains("Dicom.ReadWrite");
		assertThat(complete("permission remove --resource-app=\"Azure API for DICOM\" --scope ")).contains("Dicom.ReadWrite");
		assertThat(complete("permission add-dicom --scope D")).contains("Dicom.ReadWrite");
		assertThat(complete("permission add --resource-app 'Microsoft Graph' --role Application.ReadWrite"))
			.contains("Application.ReadWrite.All", "Application.ReadWrite.OwnedBy")
			.doesNotContain("Application.Read.All");
	}

	@Test
	void apiNamesAreProposedFromWhatIsTyped() {
		assertThat(complete("permission add --resource-app Azure")).contains("Azure\\ API\\ for\\ DICOM");
		assertThat(complete("permission add --resource-app 'Microsoft G"))
			.contains("Microsoft Graph'", "Microsoft Graph Command Line Tools'")
			.doesNotContain("Azure API for DICOM'");
	}

	@Test
	void nothingIsProposedWithoutAKnownApi() {
		assertThat(complete("permission add --scope Di")).doesNotContain("Dicom.ReadWrite");
		assertThat(complete("permission add --resource-app 'No such API' --scope ")).isEmpty();
	}

	/** Completes {@code line} as JLine would with the cursor at its end: the shell's parser and completer. */
	private List<String> complete(String line) {
		ParsedLine parsed = new ExtendedDefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
		List<Candidate> candidates = new ArrayList<>();
		completer().complete(null, parsed, candidates);
		return candidates.stream().map(Candidate::value).filter(value -> !value.startsWith("-")).toList();
	}

	private CommandLineCompleter completer() {
		return this.context.getBean(CommandLineCompleter.class);
	}

}
