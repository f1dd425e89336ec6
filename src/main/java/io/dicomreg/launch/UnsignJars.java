package io.dicomreg.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files from the extracted copies of the bundled jars, so that the JVM may
 * put their classes in a class data sharing archive or an AOT cache (it leaves out classes of signed
 * jars, and JDK 17 crashes when it dumps a lambda whose host class was left out).
 *
 * <p>Only the launcher's extracted copies in {@code target/app/lib} are rewritten, never the
 * packaged jar. Nothing in dicomreg registers BouncyCastle as a JCE provider, which is the one use
 * that needs its jar signed (see docs/decisions.md).
 */
public final class UnsignJars {

	private UnsignJars() {
	}

	/**
	 * Unsigns every signed jar in the folder given as the only argument and prints nothing unless a
	 * jar cannot be rewritten; exits 1 then.
	 */
	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("Usage: UnsignJars LIB_FOLDER");
			System.exit(2);
		}
		try {
			unsignAll(Path.of(args[0]));
		}
		catch (IOException ex) {
			System.err.println("Could not unsign the bundled jars: " + ex.getMessage());
			System.exit(1);
		}
	}

	/**
	 * Unsigns every signed {@code .jar} directly in {@code folder} and returns the names of those
	 * it rewrote.
	 */
	public static List<String> unsignAll(Path folder) throws IOException {
		List<String> unsigned = new ArrayList<>();
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
			for (Path jar : jars) {
				if (unsign(jar)) {
					unsigned.add(jar.getFileName().toString());
				}
			}
		}
		return unsigned;
	}

	/**
	 * Rewrites {@code jar} without its signature files when it has any; returns whether it did.
	 */
	public static boolean unsign(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.stream().noneMatch(UnsignJars::isSignatureFile)) {
				return false;
			}
			Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
			try (OutputStream file = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(file)) {
				for (ZipEntry entry : zip.stream().filter(entry -> !isSignatureFile(entry)).toList()) {
					copyEntry(zip, entry, out);
				}
			}
			Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
	}

	/**
	 * A signature file is a {@code .SF} signature or its signature block, directly in
	 * {@code META-INF}; the JAR specification calls a jar signed when it has both.
	 */
	static boolean isSignatureFile(ZipEntry entry) {
		String name = entry.getName().toUpperCase(Locale.ROOT);
		if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
			return false;
		}
		return name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC")
				|| name.startsWith("META-INF/SIG-");
	}

	private static void copyEntry(ZipFile zip, ZipEntry entry, ZipOutputStream out) throws IOException {
		ZipEntry copy = new ZipEntry(entry.getName());
		copy.setTime(entry.getTime());
		out.putNextEntry(copy);
		if (!entry.isDirectory()) {
			try (InputStream in = zip.getInputStream(entry)) {
				in.transferTo(out);
			}
		}
		out.closeEntry();
	}

}
