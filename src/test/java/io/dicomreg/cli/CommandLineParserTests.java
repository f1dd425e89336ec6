package io.dicomreg.cli;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineParserTests {

	private final CommandLineParser parser = new CommandLineParser(new CommandRegistry(Set.of(
			command("app register", CommandOption.with().longName("name").type(String.class).required(true).build(),
					CommandOption.with().longName("new").type(boolean.class).build()),
			command("app list", CommandOption.with().longName("top").type(Integer.class).build()),
			command("login", CommandOption.with().longName("browser").type(boolean.class).build(),
					CommandOption.with().longName("tenant").type(String.class).build()))),
			name -> name.equals("login") ? 0 : Integer.MAX_VALUE);

	@Test
	void resolvesSubCommandsAndOptionValues() {
		ParsedInput input = this.parser.parse("app register --name \"DICOM client\"");
		assertThat(input.commandName()).isEqualTo("app");
		assertThat(input.subCommands()).containsExactly("register");
		assertThat(input.options()).singleElement().satisfies(option -> {
			assertThat(option.longName()).isEqualTo("name");
			assertThat(option.value()).isEqualTo("DICOM client");
		});
	}

	@Test
	void acceptsOptionEqualsValue() {
		assertThat(this.parser.parse("app register --name=x").options().get(0).value()).isEqualTo("x");
	}

	@Test
	void booleanOptionsTakeNoValue() {
		ParsedInput input = this.parser.parse("login --browser --tenant contoso.onmicrosoft.com");
		assertThat(input.options()).extracting(CommandOption::longName, CommandOption::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("browser", "true"),
					org.assertj.core.groups.Tuple.tuple("tenant", "contoso.onmicrosoft.com"));
	}

	@Test
	void valueMayStartWithADashWhenItIsNoOption() {
		assertThat(this.parser.parse(List.of("app", "register", "--name", "-dash-")).options().get(0).value())
			.isEqualTo("-dash-");
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
		assertThat(this.parser.parse("app list --output json --help").options()).extracting(CommandOption::longName)
			.containsExactly("output", "help");
	}

	@Test
	void wordsAfterDoubleDashAreArguments() {
		assertThat(this.parser.parse("app list -- --top").arguments()).extracting(CommandArgument::value)
			.containsExactly("--top");
	}

	@Test
	void commandsWithoutArgumentsRefuseStrayWords() {
		assertThatThrownBy(() -> this.parser.parse("login contoso.onmicrosoft.com"))
			.isInstanceOfSatisfying(DicomregException.class, ex -> assertThat(ex.getMessage())
				.startsWith("'login' takes no arguments")
				.doesNotContain("contoso"));
	}

	@Test
	void reportsMissingRequiredOptions() {
		Command register = new CommandRegistry(Set.of(command("app register",
				CommandOption.with().longName("name").type(String.class).required(true).build())))
			.getCommandByName("app register");
		assertThat(CommandLineParser.missingRequired(register, this.parser.parse("app register"))).containsExactly("--name");
	}

	private static Command command(String name, CommandOption... options) {
		return Command.builder().name(name).description(name).group("test").options(options).execute(context -> "ok");
	}

}
