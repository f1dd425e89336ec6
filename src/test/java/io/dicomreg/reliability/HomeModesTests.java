package io.dicomreg.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dicomreg home holds sessions, token caches and selections: from the first one-shot command,
 * every folder of it is owner-only (0700) and every file 0600; a failed keyring attempt leaves no
 * file behind.
 */
class HomeModesTests {

	@TempDir
	Path directory;

	@Test
	void everyFolderIsOwnerOnlyAndEveryFile0600FromTheFirstOneShotCommand() throws Exception {
		Path home = this.directory.resolve("home");
		TestShell shell = new TestShell(home, "--sandbox-state", this.directory.resolve("tenant.json").toString());

		assertThat(shell.run("login").exitCode()).isZero();
		assertThat(shell.run("app", "register", "--name", "modes").exitCode()).isZero();

		try (Stream<Path> all = Files.walk(home)) {
			List<Path> paths = all.toList();
			assertThat(paths).filteredOn(Files::isDirectory).isNotEmpty()
				.allSatisfy(folder -> assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwx------"));
			assertThat(paths).filteredOn(Files::isRegularFile).isNotEmpty()
				.allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"))
				.noneMatch(file -> file.getFileName().toString().endsWith(".keyring.bin") && size(file) == 0);
		}
	}

	private static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
