package io.dicomreg.cli;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.ParsedCommand;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;
import io.dicomreg.output.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineParserTests {

	private final CommandLineParser parser = new CommandLineParser(CommandCatalogue.of(List.of(FakeCommands.class)));

	@Test
	void resolvesSubCommandsAndOptionValues() {
		ParsedCommand parsed = this.parser.parse("app register --name \"DICOM client\"");
		assertThat(parsed.command().name()).isEqualTo("app register");
		assertThat(parsed.options()).containsOnlyKeys("name");
		assertThat(parsed.option("name")).hasValue("DICOM client");
	}

	@Test
	void acceptsOptionEqualsValue() {
		assertThat(this.parser.parse("app register --name=x").option("name")).hasValue("x");
	}

	@Test
	void booleanOptionsTakeNoValue() {
		ParsedCommand parsed = this.parser.parse("login --browser --tenant contoso.onmicrosoft.com");
		assertThat(parsed.options()).containsExactly(org.assertj.core.api.Assertions.entry("browser", List.of("true")),
				org.assertj.core.api.Assertions.entry("tenant", List.of("contoso.onmicrosoft.com")));
	}

	@Test
	void valueMayStartWithADashWhenItIsNoOption() {
		assertThat(this.parser.parse(List.of("app", "register", "--name", "-dash-")).option("name")).hasValue("-dash-");
	}

	@Test
	void unknownOptionIsAUsageErrorNamingTheOption() {
		assertThatThrownBy(() -> this.parser.parse("app register --name x --secret hunter2"))
			.isInstanceOfSatisfying(DicomregException.class, ex -> {
				assertThat(ex.getExitCode()).isEqualTo(ExitCode.USAGE);
				assertThat(ex.getMessage()).contains("'--secret'").contains("app register").doesNotContain("hunter2");
			});
	}

	@Test
	void optionWithoutValueIsAUsageError() {
		assertThatThrownBy(() -> this.parser.parse("login --tenant"))
			.isInstanceOfSatisfying(DicomregException.class,
					ex -> assertThat(ex.getMessage()).isEqualTo("Option --tenant needs a value."));
	}

	@Test
	void commonOptionsAreAcceptedByEveryCommand() {
		assertThat(this.parser.parse("app list --output json --help").options()).containsOnlyKeys("output", "help");
	}

	@Test
	void dashHIsHelp() {
		assertThat(this.parser.parse("app list -h").wantsHelp()).isTrue();
	}

	@Test
	void wordsAfterDoubleDashAreArguments() {
		assertThat(this.parser.parse("app list -- --top").arguments()).containsExactly("--top");
	}

	@Test
	void commandsWithoutArgumentsRefuseStrayWords() {
		assertThatThrownBy(() -> this.parser.parse("login contoso.onmicrosoft.com"))
			.isInstanceOfSatisfying(DicomregException.class, ex -> assertThat(ex.getMessage())
				.startsWith("'login' takes no arguments: 'con...' (23 characters) is neither")
				.doesNotContain("contoso"));
		assertThatThrownBy(() -> this.parser.parse("login now"))
			.isInstanceOfSatisfying(DicomregException.class, ex -> assertThat(ex.getMessage())
				.startsWith("'login' takes no arguments: 'now' is neither an option nor an option's value."));
	}

	@Test
	void reportsMissingRequiredOptions() {
		assertThat(CommandLineParser.missingRequired(this.parser.parse("app register"))).containsExactly("--name");
	}

	@Test
	void aRepeatableOptionKeepsEveryValueInOrder() {
		assertThat(this.parser.parse("app list --tag b --tag a").values("tag")).containsExactly("b", "a");
	}

	@Test
	void anOptionThatIsNotRepeatableIsRefusedTheSecondTime() {
		assertThatThrownBy(() -> this.parser.parse("app register --name a --name b"))
			.hasMessage("Option --name is given more than once: give it once.");
	}

	@Test
	void aFlagTakesOnlyTrueOrFalse() {
		assertThat(this.parser.parse("app register --name a --new=false").flag("new")).isFalse();
		assertThatThrownBy(() -> this.parser.parse("app list --dry-run=maybe"))
			.hasMessageStartingWith("Option --dry-run is a flag");
	}

	@Test
	void aDryRunOfACommandThatCannotHaveOneIsRefusedByName() {
		assertThatThrownBy(() -> this.parser.parse("login --dry-run"))
			.hasMessageStartingWith("'login' cannot run in a dry run (--dry-run)");
		assertThat(this.parser.parse("login --dry-run=false").wantsDryRun()).isFalse();
	}

	@Test
	void anUnknownCommandAndAnIncompleteGroupAreNamed() {
		assertThatThrownBy(() -> this.parser.parse("frobnicate now"))
			.hasMessage("Unknown command 'frobnicate'. Run 'help' to list the commands.");
		assertThatThrownBy(() -> this.parser.parse("app"))
			.hasMessage("'app' needs a sub-command: use one of app list, app register, app use.");
		assertThatThrownBy(() -> this.parser.parse("app frob --name x"))
			.hasMessage("Unknown command 'app frob': use one of app list, app register, app use.");
	}

	/** Commands declared as the real ones are, for the parser only. */
	static class FakeCommands {

		@Command(name = { "app", "register" }, description = "register")
		public Result register(@Option(longName = "name", required = true) String name,
				@Option(longName = "new") boolean forceNew) {
			return Result.empty();
		}

		@Command(name = { "app", "list" }, description = "list")
		public Result list(@Option(longName = "top") String top,
				@Option(longName = "tag") @OptionValue(repeatable = true) List<String> tags,
				@Arguments List<String> words) {
			return Result.empty();
		}

		@Command(name = "login", description = "login")
		@Traits(dryRun = DryRunMode.RUN_FOR_REAL)
		public Result login(@Option(longName = "browser") boolean browser, @Option(longName = "tenant") String tenant) {
			return Result.empty();
		}

		@Command(name = { "app", "use" }, description = "use")
		public Result use(@Argument(index = 0) String app) {
			return Result.empty();
		}

	}

}
