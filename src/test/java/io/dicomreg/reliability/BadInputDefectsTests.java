package io.dicomreg.reliability;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestCertificates;
import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The bad inputs that were accepted, hung or answered with a Java exception's name: each is now
 * refused at once, in one line that names the input, and changes nothing.
 */
class BadInputDefectsTests {

	@TempDir
	Path directory;

	private TestShell shell;

	private Path state;

	@BeforeEach
	void signInAndRegister() {
		this.state = this.directory.resolve("tenant.json");
		this.shell = new TestShell(this.directory.resolve("home"), "--sandbox-state", this.state.toString());
		assertThat(this.shell.run("login").exitCode()).isZero();
		assertThat(this.shell.run("app", "register", "--name", "DICOM client").exitCode()).isZero();
	}

	@Test
	void aFifoIsRefusedAtOnceWhereverAFileIsRead() throws Exception {
		Path fifo = this.directory.resolve("pipe");
		assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
		String before = Files.readString(this.state);

		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			assertRefused(this.shell.run("cert", "upload", "--file", fifo.toString()), "is not a regular file");
			assertRefused(this.shell.run("script", fifo.toString()), "is not a regular file");
			assertRefused(this.shell.run("login", "--service-principal", "--tenant", "contoso.onmicrosoft.com",
					"--client-id", "0f8fad5b-d9cb-469f-a165-70867728950e", "--secret-file", fifo.toString()),
					"is not a regular file");
		});
		assertThat(Files.readString(this.state)).isEqualTo(before);
	}

	@Test
	void devicesFoldersAndHugeFilesAreRefusedWithoutReadingThem() throws Exception {
		Path sparse = this.directory.resolve("huge.pem");
		try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
			file.setLength(3L * 1024 * 1024 * 1024);
		}

		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			assertRefused(this.shell.run("script", "/dev/zero"), "is not a regular file");
			assertRefused(this.shell.run("cert", "upload", "--file", sparse.toString()), "is too large");
			assertRefused(this.shell.run("script", sparse.toString()), "is too large");
			assertRefused(this.shell.run("script", this.directory.toString()), "is a folder");
		});
	}

	@Test
	void aBinaryScriptADamagedSessionAndADamagedTokenCacheAreSaidInWords() throws Exception {
		Path binary = Files.write(this.directory.resolve("binary.dicomreg"), new byte[] { 'a', (byte) 0xff, (byte) 0xfe, 0 });
		assertRefused(this.shell.run("script", binary.toString()), "is not UTF-8 text");

		Path home = this.directory.resolve("home");
		try (Stream<Path> sessions = Files.list(home.resolve("sessions"))) {
			for (Path session : sessions.toList()) {
				Files.writeString(session, "null");
			}
		}
		TestShell.Result afterNull = this.shell.run("whoami");
		assertThat(afterNull.exitCode()).isEqualTo(1);
		assertThat(afterNull.err().lines()).singleElement().asString().contains("not signed in")
			.doesNotContain("Exception");

		assertThat(this.shell.run("login").exitCode()).isZero();
		try (Stream<Path> caches = Files.list(home.resolve("cache"))) {
			for (Path cache : caches.toList()) {
				Files.writeString(cache, "{ this is not a token cache");
			}
		}
		TestShell.Result afterGarbage = this.shell.run("app", "list");
		assertThat(afterGarbage.exitCode()).isEqualTo(1);
		assertThat(afterGarbage.err().lines()).singleElement().asString().contains("is damaged")
			.contains("run 'login' again").doesNotContain("Exception");
	}

	@Test
	void acceptedBeforeNowRefused() throws Exception {
		String before = Files.readString(this.state);
		String tenKb = "d".repeat(10 * 1024);

		assertRefused(this.shell.run("auth", "platform", "add", "web", "--redirect-uri", "https://app.example:70000/cb"),
				"its port is not a TCP port");
		assertRefused(this.shell.run("auth", "platform", "add", "web", "--redirect-uri", "https://app.example/\u202ecb"),
				"bidirectional formatting character");
		assertRefused(this.shell.run("app", "register", "--name", "two\nlines", "--new"), "--name holds a control character");
		assertRefused(this.shell.run("app", "register", "--name", "bell\u0007", "--new"), "--name holds a control character");
		assertRefused(this.shell.run("secret", "add", "--description", "a\u001b[2Jb"), "--description holds a control character");
		assertRefused(this.shell.run("secret", "add", "--description", tenKb), "--description has 10240 characters");
		assertRefused(this.shell.run("secret", "add", "--save-to", this.directory.resolve("x".repeat(300)).toString()),
				"--save-to has a file or folder name of more than 255 bytes");
		assertRefused(this.shell.run("secret", "add", "--save-to", this.directory.resolve("new\nline").toString()),
				"--save-to holds a control character");
		assertRefused(this.shell.run("app", "list", "--name-starts-with", "a".repeat(2 * 1024 * 1024)),
				"--name-starts-with has 2097152 characters");
		assertThat(Files.readString(this.state)).as("nothing written to the tenant").isEqualTo(before);

		assertRefused(this.shell.run("cert", "create", "--subject", "CN=", "--out", this.directory.resolve("c").toString()),
				"has an empty name");
		assertRefused(this.shell.run("cert", "create", "--subject", "CN=a\u0000b", "--out",
				this.directory.resolve("c").toString()), "--subject holds a control character");
		assertRefused(this.shell.run("cert", "create", "--subject", "CN=dot", "--out", "."), "--out must be given");
		Path pem = TestCertificates.selfSigned("upload").writePem(this.directory.resolve("upload.pem"));
		assertRefused(this.shell.run("cert", "upload", "--file", pem.toString(), "--description", tenKb),
				"--description has 10240 characters");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files.map(path -> path.getFileName().toString()))
				.noneMatch(name -> name.endsWith(".crt") || name.endsWith(".key"));
		}
	}

	@Test
	void aBrowserSignInToAnotherTenantOfTheSandboxSaysWhyInWords() {
		TestShell.Result other = this.shell.run("login", "--browser", "--tenant", "other.onmicrosoft.com");

		assertThat(other.exitCode()).isEqualTo(1);
		assertThat(other.all()).doesNotContain("IllegalStateException", "\\r\\n", "error_codes", "No Authorization code");
		assertThat(other.err().lines().filter(line -> !line.startsWith("Sandbox: signing in"))).singleElement().asString()
			.startsWith("Error: Sign-in failed: AADSTS90002: Tenant 'other.onmicrosoft.com' not found.");
	}

	private static void assertRefused(TestShell.Result run, String expected) {
		assertThat(run.exitCode()).as(run.all()).isIn(1, 2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().lines()).as(run.err()).singleElement().asString().contains(expected)
			.doesNotContain("Exception");
		assertThat(run.err().getBytes(StandardCharsets.UTF_8).length).isLessThan(2048);
	}

}
