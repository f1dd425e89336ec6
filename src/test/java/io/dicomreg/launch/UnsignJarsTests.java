package io.dicomreg.launch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UnsignJarsTests {

	@TempDir
	Path directory;

	@Test
	void unsignRemovesTheSignatureFilesAndKeepsEveryClass() throws Exception {
		Path jar = copyOfSignedBouncyCastleJar();
		int entriesBefore = entryCount(jar);
		assertThat(signatureFiles(jar)).isPositive();

		boolean rewritten = UnsignJars.unsign(jar);

		assertThat(rewritten).isTrue();
		assertThat(signatureFiles(jar)).isZero();
		assertThat(entryCount(jar)).isEqualTo(entriesBefore - 2);
		try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] { jar.toUri().toURL() }, null)) {
			Class<?> provider = loader.loadClass(BouncyCastleProvider.class.getName());
			assertThat(provider.getSigners()).isNull();
		}
	}

	@Test
	void anUnsignedJarIsLeftAsItIs() throws Exception {
		Path jar = copyOfSignedBouncyCastleJar();
		UnsignJars.unsign(jar);
		long modified = Files.getLastModifiedTime(jar).toMillis();

		assertThat(UnsignJars.unsign(jar)).isFalse();
		assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(modified);
	}

	@Test
	void unsignAllNamesTheJarsItRewrote() throws Exception {
		copyOfSignedBouncyCastleJar();

		assertThat(UnsignJars.unsignAll(this.directory)).containsExactly("signed.jar");
		assertThat(UnsignJars.unsignAll(this.directory)).isEmpty();
	}

	@Test
	void onlySignatureFilesDirectlyInMetaInfCount() {
		assertThat(UnsignJars.isSignatureFile(new ZipEntry("META-INF/BC1024KE.SF"))).isTrue();
		assertThat(UnsignJars.isSignatureFile(new ZipEntry("META-INF/BC1024KE.DSA"))).isTrue();
		assertThat(UnsignJars.isSignatureFile(new ZipEntry("META-INF/x.rsa"))).isTrue();
		assertThat(UnsignJars.isSignatureFile(new ZipEntry("META-INF/MANIFEST.MF"))).isFalse();
		assertThat(UnsignJars.isSignatureFile(new ZipEntry("META-INF/versions/9/x.SF"))).isFalse();
		assertThat(UnsignJars.isSignatureFile(new ZipEntry("org/x/Y.RSA"))).isFalse();
	}

	private Path copyOfSignedBouncyCastleJar() throws IOException, URISyntaxException {
		Path source = Path.of(BouncyCastleProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return Files.copy(source, this.directory.resolve("signed.jar"));
	}

	private static long signatureFiles(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream().map(JarEntry::getName).filter(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")).count();
		}
	}

	private static int entryCount(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.size();
		}
	}

}
