package io.dicomreg.cli.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dicomreg.cli.ShellWords;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Application;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Authentication;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Certificate;
import io.dicomreg.cli.walkthrough.WalkthroughProgress.Secret;
import io.dicomreg.error.DicomregException;

/**
 * The dicomreg commands that redo a walkthrough's choices in another tenant. Secret values are never
 * in it: its {@code secret add} makes a new secret there, and only when none with that description
 * is still valid. Files it writes are named relative to the folder the script runs in.
 */
final class WalkthroughScript {

	/** The variable a replay reads a PFX password from. */
	static final String PFX_PASSWORD = "DICOMREG_PFX_PASSWORD";

	private WalkthroughScript() {
	}

	/** The script's lines for what the walkthrough did; skipped steps leave no command. */
	static List<String> lines(WalkthroughProgress progress, LocalDate written) {
		List<String> lines = new ArrayList<>(List.of(
				"# dicomreg script written by 'walkthrough' on " + written + ".",
				"# It redoes the walkthrough's choices in the tenant you are signed in to ('login' first), and a second",
				"# run changes nothing. Run it in a folder of its own: the secret and certificate files it writes go",
				"# there. Secret values are never written here: 'secret add' puts a new one in the file it names."));
		Application app = progress.getApplication();
		if (app == null || app.objectId() == null) {
			return lines;
		}
		section(lines, "Register the application (single tenant; the unique name makes a re-run find it)",
				command("app", "register", "--name", app.displayName(), "--unique-name", app.uniqueName()));
		section(lines, "Note the client and tenant IDs", command("app", "ids"));
		Authentication authentication = progress.getAuthentication();
		if (authentication != null) {
			List<String> commands = new ArrayList<>(List.of(command("auth", "public-client", authentication.publicClient() ? "on" : "off")));
			authentication.redirectUris().forEach((platform, uris) -> {
				List<String> words = new ArrayList<>(List.of("auth", "platform", "add", platform));
				uris.forEach(uri -> words.addAll(List.of("--redirect-uri", uri)));
				commands.add(command(words.toArray(String[]::new)));
			});
			section(lines, "Authentication: client type, platform and redirect URI", commands.toArray(String[]::new));
		}
		List<String> credentials = credentials(progress, app);
		if (!credentials.isEmpty()) {
			section(lines, "Certificates and secrets", credentials.toArray(String[]::new));
		}
		if (progress.getPermission() != null) {
			section(lines, "API permission " + progress.getPermission().scope(),
					command("permission", "add-dicom", "--scope", progress.getPermission().scope()));
		}
		if (progress.getPermission() != null && progress.isConsentGranted()) {
			section(lines, "Admin consent for " + progress.getPermission().scope() + " (for all users)",
					command("permission", "grant", "--scope", progress.getPermission().scope()));
		}
		if (progress.getRole() != null) {
			section(lines, progress.getRole().roleName() + " on the DICOM service (in another tenant, name its own: "
					+ "'dicom list' shows them)", "# " + progress.getRole().serviceId(),
					command("role", "assign", "--role", progress.getRole().role(), "--dicom", progress.getRole().service()));
		}
		return lines;
	}

	/**
	 * Writes the script to a new file.
	 * @throws DicomregException (usage) when the file exists or cannot be written
	 */
	static void write(Path file, List<String> lines) {
		try {
			Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			throw DicomregException.invalidInput(file + " already exists: dicomreg never overwrites it. Name a new file.");
		}
		catch (IOException ex) {
			throw DicomregException.invalidInput("Cannot write the script " + file + ": " + ex.getMessage());
		}
	}

	/**
	 * Checks that a script can be written there later: a new file in an existing folder.
	 * @throws DicomregException (usage) naming {@code option}
	 */
	static Path checkNewFile(Path file, String option) {
		Path absolute = file.toAbsolutePath().normalize();
		if (Files.exists(absolute)) {
			throw DicomregException.invalidInput(option + " " + absolute + " already exists: dicomreg never overwrites it.");
		}
		if (absolute.getParent() == null || !Files.isDirectory(absolute.getParent())) {
			throw DicomregException.invalidInput("The folder for " + option + " does not exist: " + absolute.getParent() + ".");
		}
		return absolute;
	}

	private static List<String> credentials(WalkthroughProgress progress, Application app) {
		List<String> commands = new ArrayList<>();
		Secret secret = progress.getSecret();
		if (secret != null && secret.keyId() != null) {
			List<String> words = new ArrayList<>(List.of("secret", "add", "--description", secret.description(), "--expires",
					secret.expires()));
			if (secret.savedTo() != null) {
				words.addAll(List.of("--save-to", app.uniqueName() + "-secret.txt"));
			}
			words.add("--if-missing");
			commands.add(command(words.toArray(String[]::new)));
		}
		Certificate certificate = progress.getCertificate();
		if (certificate != null && certificate.thumbprint() != null && certificate.created()) {
			String prefix = app.uniqueName() + "-certificate";
			commands.add(command("cert", "create", "--subject", certificate.subject(), "--years",
					String.valueOf(certificate.years()), "--out", prefix, "--if-missing"));
			commands.add(command("cert", "upload", "--file", prefix + ".crt"));
		}
		else if (certificate != null && certificate.thumbprint() != null && isPfx(certificate.file())) {
			commands.add("# Set " + PFX_PASSWORD + " to the PFX file's password before running this script.");
			commands.add(command("cert", "upload", "--file", certificate.file(), "--pfx-password-env", PFX_PASSWORD));
		}
		else if (certificate != null && certificate.thumbprint() != null) {
			commands.add(command("cert", "upload", "--file", certificate.file()));
		}
		return commands;
	}

	private static boolean isPfx(String file) {
		String name = file.toLowerCase(Locale.ROOT);
		return name.endsWith(".pfx") || name.endsWith(".p12");
	}

	private static void section(List<String> lines, String title, String... commands) {
		lines.add("");
		lines.add("# " + title);
		lines.addAll(List.of(commands));
	}

	private static String command(String... words) {
		List<String> quoted = new ArrayList<>();
		for (String word : words) {
			quoted.add(ShellWords.quote(word));
		}
		return String.join(" ", quoted);
	}

}
