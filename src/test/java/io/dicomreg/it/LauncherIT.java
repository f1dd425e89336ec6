package io.dicomreg.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.it.ProcessRunner.Run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the {@code ./dicomreg} launcher from a clean checkout (a built jar, no {@code target/app}),
 * as a new user would: the first command ever may sign in, and no run leaves a crash log.
 * <p>Each scenario has its own checkout and home, so they run concurrently.
 */
@Execution(ExecutionMode.CONCURRENT)
class LauncherIT {

	private static final Path LAUNCHER = Path.of("dicomreg").toAbsolutePath();

	private static final Path JAR = Path.of(System.getProperty("dicomreg.jar"));

	private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	@TempDir
	Path directory;

	@Test
	void aSignInAsTheFirstCommandEverExitsZeroAndLaterCommandsStartFromTheArchive() throws Exception {
		Path checkout = checkout("a");
		Path javaHome = Path.of(System.getProperty("java.home"));

		Run login = launch(checkout, javaHome, null, "--sandbox-state", "t.json", "login");
		Run register = launch(checkout, javaHome, null, "--sandbox-state", "t.json", "app", "register", "--name", "x");
		Run whoami = launch(checkout, javaHome, null, "--sandbox-state", "t.json", "whoami");
		// The user's own choice of compilers replaces the launcher's (C1 only on one thread would refuse C2).
		Run fullJit = launch(checkout, javaHome, null, List.of("-XX:TieredStopAtLevel=4"), "--sandbox-state", "t.json",
				"whoami");

		assertThat(fullJit.exitCode()).as(fullJit.err()).isZero();
		assertThat(login.exitCode()).as(login.err()).isZero();
		assertThat(login.err()).containsOnlyOnce("Preparing dicomreg for a fast start").doesNotContain("could not make");
		assertThat(register.exitCode()).as(register.err()).isZero();
		assertThat(register.err()).doesNotContain("Preparing");
		assertThat(whoami.exitCode()).as(whoami.err()).isZero();
		assertThat(whoami.out()).contains("admin@contoso.onmicrosoft.com").contains("Selected app").contains("x (");
		assertThat(flagsOf(checkout)).singleElement().asString().contains("-XX:SharedArchiveFile=");
		assertThat(crashLogs()).isEmpty();
	}

	@Test
	void aShellFedFromStandardInputAsTheFirstRunExitsZero() throws Exception {
		Path checkout = checkout("b");

		Run shell = launch(checkout, Path.of(System.getProperty("java.home")), "login\nexit\n", "--sandbox");

		assertThat(shell.exitCode()).as(shell.err()).isZero();
		assertThat(shell.out()).contains("admin@contoso.onmicrosoft.com");
		assertThat(crashLogs()).isEmpty();
	}

	@Test
	void whenTheArchiveCannotBeMadeTheLauncherSaysSoOnceAndRunsWithoutIt() throws Exception {
		Path checkout = checkout("c");
		Path javaHome = jdkRefusingArchives();

		Run first = launch(checkout, javaHome, null, "--sandbox-state", "t.json", "login");
		Run second = launch(checkout, javaHome, null, "--sandbox-state", "t.json", "whoami");

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.err()).containsOnlyOnce("could not make the start-up archive");
		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.err()).doesNotContain("could not make").doesNotContain("Preparing");
		assertThat(flagsOf(checkout)).singleElement().asString().isBlank();
		assertThat(crashLogs()).isEmpty();
	}

	@Test
	void onJdk25TheLauncherMakesAndUsesAnAotCache() throws Exception {
		assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "needs the Temurin 25 JDK of this machine");
		Path checkout = checkout("d");

		Run login = launch(checkout, JDK_25, null, "--sandbox-state", "t.json", "login");
		Run whoami = launch(checkout, JDK_25, null, "--sandbox-state", "t.json", "whoami");
		// Help is printed without the AOT cache (the launcher leaves it out for help).
		Run help = launch(checkout, JDK_25, null, "--sandbox-state", "t.json", "app", "show", "--help");

		assertThat(help.exitCode()).as(help.err()).isZero();
		assertThat(help.out()).startsWith("Usage: app show");
		assertThat(help.err()).isEmpty();
		assertThat(login.exitCode()).as(login.err()).isZero();
		assertThat(login.err()).doesNotContain("could not make").doesNotContain("WARNING");
		assertThat(whoami.exitCode()).as(whoami.err()).isZero();
		assertThat(flagsOf(checkout)).singleElement().asString().contains("-XX:AOTCache=");
		assertThat(crashLogs()).isEmpty();
	}

	/** A checkout as a new user has it after the build: the launcher and the jar, no target/app. */
	private Path checkout(String name) throws IOException {
		Path checkout = Files.createDirectories(this.directory.resolve(name));
		Files.copy(LAUNCHER, checkout.resolve("dicomreg"));
		Path target = Files.createDirectories(checkout.resolve("target"));
		try {
			Files.createLink(target.resolve("dicomreg.jar"), JAR);
		}
		catch (IOException | UnsupportedOperationException ex) {
			Files.copy(JAR, target.resolve("dicomreg.jar"));
		}
		return checkout;
	}

	/** A JDK whose java fails whenever it is asked to write an archive, as a JVM that cannot would. */
	private Path jdkRefusingArchives() throws IOException {
		Path home = Files.createDirectories(this.directory.resolve("refusing-jdk/bin"));
		Path java = home.resolve("java");
		Files.writeString(java, """
				#!/bin/sh
				case "$*" in *ArchiveClassesAtExit*|*AOTCacheOutput*) echo "refused" >&2; exit 1 ;; esac
				exec "%s" "$@"
				""".formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home.getParent();
	}

	private static List<String> flagsOf(Path checkout) throws IOException {
		try (Stream<Path> jvms = Files.list(checkout.resolve("target/app/jvm"))) {
			return jvms.filter(Files::isDirectory).map(jvm -> read(jvm.resolve("flags"))).toList();
		}
	}

	private List<Path> crashLogs() throws IOException {
		try (Stream<Path> files = Files.walk(this.directory)) {
			return files.filter(file -> file.getFileName().toString().startsWith("hs_err_pid")).toList();
		}
	}

	private Run launch(Path checkout, Path javaHome, String input, String... args) throws Exception {
		return launch(checkout, javaHome, input, List.of(), args);
	}

	/** Runs the launcher with {@code javaOptions} in DICOMREG_JAVA_OPTS. */
	private Run launch(Path checkout, Path javaHome, String input, List<String> javaOptions, String... args)
			throws Exception {
		Path work = Files.createDirectories(checkout.resolveSibling(checkout.getFileName() + "-work"));
		ProcessRunner launcher = ProcessRunner
			.command(Stream.concat(Stream.of(checkout.resolve("dicomreg").toString()), Stream.of(args)).toList())
			.in(work)
			.environment("JAVA_HOME", javaHome.toString())
			.environment("DICOMREG_HOME", work.resolve("home").toString())
			.withoutEnvironment("DICOMREG_JAVA_OPTS");
		if (!javaOptions.isEmpty()) {
			launcher.environment("DICOMREG_JAVA_OPTS", String.join(" ", javaOptions));
		}
		return ((input != null) ? launcher.input(input) : launcher).run();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
