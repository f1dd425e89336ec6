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
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.jline.ExtendedDefaultParser;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.GlobalOptions;
import io.dicomreg.cli.Streams;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion of API names and permission names in the running application: the annotated
 * commands, the {@code completions} bean and the completers, against a signed-in sandbox tenant.
 */
class PermissionCompletionTests {

	@TempDir
	Path directory;

	private String previousHome;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void signInAndStart() {
		Path home = this.directory.resolve("home");
		String state = this.directory.resolve("tenant.json").toString();
		assertThat(new TestShell(home, "--sandbox-state", state).run("login").exitCode()).isZero();
		this.previousHome = System.getProperty("dicomreg.home");
		System.setProperty("dicomreg.home", home.toString());
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		this.context = new SpringApplicationBuilder(DicomregApplication.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.web(WebApplicationType.NONE)
			.properties("spring.shell.interactive.enabled=false", "logging.level.com.microsoft.aad=OFF")
			.initializers(context -> {
				context.getBeanFactory()
					.registerSingleton("invocation", GlobalOptions.parse(new String[] { "--sandbox-state", state, "help" }));
				context.getBeanFactory().registerSingleton("streams", new Streams(quiet, quiet));
			})
			.run();
	}

	@AfterEach
	void close() {
		this.context.close();
		if (this.previousHome != null) {
			System.setProperty("dicomreg.home", this.previousHome);
		}
		else {
			System.clearProperty("dicomreg.home");
		}
	}

	@Test
	void scopeNamesOfTheApiNamedOnTheLineAreProposed() {
		Command add = registry().getCommandByName("permission add");
		CommandOption scope = option(add, "scope");
		CompletionContext completion = new CompletionContext(
				List.of("permission", "add", "--resource-app", "Azure API for DICOM", "--scope", "Di"), 5, 2, add, scope);

		List<CompletionProposal> proposals = completions().apply(completion);

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
		assertThat(complete("permission add --resource-app Azure")).contains("Azure API for DICOM");
		assertThat(complete("permission add --resource-app 'Microsoft G"))
			.contains("Microsoft Graph", "Microsoft Graph Command Line Tools")
			.doesNotContain("Azure API for DICOM");
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
		new CommandCompleter(registry()).complete(null, parsed, candidates);
		return candidates.stream().map(Candidate::value).filter(value -> !value.startsWith("-")).toList();
	}

	private CommandRegistry registry() {
		return this.context.getBean(CommandRegistry.class);
	}

	private CommandCompletions completions() {
		return this.context.getBean(CommandCompletions.BEAN_NAME, CommandCompletions.class);
	}

	private static CommandOption option(Command command, String longName) {
		return command.getOptions().stream().filter(option -> longName.equals(option.longName())).findFirst().orElseThrow();
	}

}
