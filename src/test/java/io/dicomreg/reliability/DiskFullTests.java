package io.dicomreg.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dicomreg.support.TestShell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk that fills up while {@code cert create} writes leaves no file behind, says why, and a
 * retry after room was made succeeds. Needs a small file system of its own (a tmpfs, mounted by
 * root); skipped where none can be mounted.
 */
class DiskFullTests {

	@TempDir
	Path directory;

	private Path mount;

	@BeforeEach
	void mountASmallFileSystem() throws Exception {
		this.mount = Files.createDirectories(this.directory.resolve("small"));
		Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", this.mount.toString())
			.redirectErrorStream(true).start();
		assumeTrue(process.waitFor() == 0, "needs to mount a tmpfs (root)");
	}

	@AfterEach
	void unmount() throws Exception {
		new ProcessBuilder("umount", this.mount.toString()).start().waitFor();
	}

	@Test
	void aFullDiskLeavesNoCertificateFileAndTheRetrySucceeds() throws Exception {
		Path filler = fillUp();
		TestShell shell = new TestShell(this.directory.resolve("home"));

		TestShell.Result full = shell.run("cert", "create", "--subject", "CN=full", "--out", this.mount.resolve("c").toString());

		assertThat(full.exitCode()).isEqualTo(1);
		assertThat(full.err().lines()).singleElement().asString().contains("No space left on device")
			.contains("Nothing was kept");
		assertThat(listing()).containsExactly("filler");
		Files.delete(filler);
		TestShell.Result retry = shell.run("cert", "create", "--subject", "CN=full", "--out", this.mount.resolve("c").toString());
		assertThat(retry.exitCode()).as(retry.all()).isZero();
		assertThat(listing()).containsExactlyInAnyOrder("c.crt", "c.key");
	}

	private Path fillUp() throws IOException {
		Path filler = this.mount.resolve("filler");
		try (OutputStream out = Files.newOutputStream(filler)) {
			byte[] block = new byte[1024];
			while (true) {
				out.write(block);
				out.flush();
			}
		}
		catch (IOException full) {
			return filler;
		}
	}

	private java.util.List<String> listing() throws IOException {
		try (Stream<Path> files = Files.list(this.mount)) {
			return files.map(path -> path.getFileName().toString()).toList();
		}
	}

}
