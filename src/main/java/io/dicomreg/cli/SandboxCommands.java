package io.dicomreg.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.dicomreg.cli.catalogue.DryRunMode;
import io.dicomreg.cli.catalogue.OptionValue;
import io.dicomreg.cli.catalogue.Recording;
import io.dicomreg.cli.catalogue.Traits;
import io.dicomreg.config.SandboxServer;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;
import io.dicomreg.output.Details;
import io.dicomreg.output.Renderer;
import io.dicomreg.output.Result;
import io.dicomreg.output.Shown;

/**
 * {@code sandbox serve}: the sandbox tenant of a state file as an offline emulator of Entra ID, Graph, ARM and the
 * DICOM services, for other programs, until the process is ended.
 */
@Component
public class SandboxCommands {

	private final Invocation invocation;

	private final Renderer renderer;

	public SandboxCommands(Invocation invocation, Renderer renderer) {
		this.invocation = invocation;
		this.renderer = renderer;
	}

	@Command(name = { "sandbox", "serve" }, group = "Sandbox",
			description = "Serve the tenant of --sandbox-state on one loopback port for other programs (sign-in, Graph, ARM, DICOMweb) until Ctrl-C")
	@Traits(dryRun = DryRunMode.REFUSE, inScripts = false, recorded = Recording.NEVER)
	public Result serve(CommandRun run,
			@Option(longName = "port", description = "the port on 127.0.0.1 (default: a free one, shown)")
			@OptionValue(label = "N", subject = Subject.PORT) String port,
			@Option(longName = "ca-out", description = "write the TLS trust anchor (the CA certificate, PEM) to FILE for clients to trust")
			@OptionValue(label = "FILE", file = true, subject = Subject.CA_FILE) String caOut) {
		int chosenPort = port(port);
		java.nio.file.Path caFile = caFile(Paths.of(caOut, "--ca-out"));
		if (!this.invocation.isOneShot()) {
			throw DicomregException.invalidInput("sandbox serve runs until it is ended, so it runs on its own: "
					+ "dicomreg --sandbox-state FILE sandbox serve [--port N] [--ca-out FILE].");
		}
		SandboxServer server = new SandboxServer(this.invocation.options().sandboxState(),
				this.invocation.options().sandboxLog(), this.invocation.options().sandboxFaults());
		SandboxServer.Served served = server.serve(chosenPort, caFile);
		Runtime.getRuntime().addShutdownHook(new Thread(served::stop, "sandbox-serve-stop"));
		Map<String, String> dicom = new LinkedHashMap<>();
		served.dicomServices().forEach((name, url) -> dicom.put(name, url.toString()));
		Details endpoints = Details.create()
			.add("Tenant ID", "tenantId", served.tenantId())
			.add("Authority", "authority", served.authority())
			.add("Token endpoint", "tokenEndpoint", served.tokenEndpoint())
			.add("Microsoft Graph", "graph", served.graph())
			.add("Azure Resource Manager", "resourceManager", served.resourceManager().toString())
			.add("DICOM services", "dicomServices", Shown.as(dicom.entrySet().stream()
				.map(entry -> entry.getKey() + ": " + entry.getValue()).toList(), dicom))
			.add("CA certificate", "caFile", (served.caFile() != null) ? served.caFile().toAbsolutePath().toString()
					: null);
		run.out().println(this.renderer.render(Result.of(endpoints)
			.note("Serving until Ctrl-C. Clients trust the CA certificate (--ca-out), use the authority without "
					+ "instance discovery, and sign in with the tenant's apps; the administrator's interactive sign-in "
					+ "stays with dicomreg."), run.format()));
		run.out().flush();
		served.awaitStop();
		return Result.empty();
	}

	/**
	 * The CA file, checked before anything starts: a new file in a folder that takes files, or the CA file an
	 * earlier {@code sandbox serve} wrote (it holds the same CA, kept with the tenant); never another file.
	 */
	private static java.nio.file.Path caFile(java.nio.file.Path given) {
		if (given == null) {
			return null;
		}
		java.nio.file.Path file = io.dicomreg.apps.credentials.SaveTarget.absolute(given, Subject.CA_FILE);
		if (java.nio.file.Files.isDirectory(file)) {
			throw DicomregException.invalid(Subject.CA_FILE, " " + file + " is a folder: give a file name.");
		}
		if (java.nio.file.Files.exists(file)) {
			String content;
			try {
				content = (java.nio.file.Files.size(file) <= 16_384) ? java.nio.file.Files.readString(file) : "";
			}
			catch (java.io.IOException | java.io.UncheckedIOException ex) {
				content = "";
			}
			if (!content.startsWith("-----BEGIN CERTIFICATE-----") || !isSandboxCa(content)) {
				throw DicomregException.invalid(Subject.CA_FILE, " " + file + " already exists and is no CA certificate an "
						+ "earlier sandbox serve wrote: dicomreg never overwrites it. Give a new file name.");
			}
		}
		io.dicomreg.apps.credentials.SaveTarget.checkWritableFolder(file.getParent(), Subject.CA_FILE);
		return file;
	}

	/** Whether PEM text is a CA certificate {@code sandbox serve} made (its subject names it). */
	private static boolean isSandboxCa(String pem) {
		try {
			var certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
			return certificate.getSubjectX500Principal().getName().equals("CN=dicomreg sandbox CA")
					&& certificate.getBasicConstraints() >= 0;
		}
		catch (java.security.GeneralSecurityException ex) {
			return false;
		}
	}

	private static int port(String port) {
		if (port == null) {
			return 0;
		}
		if (!port.strip().matches("\\d{1,5}") || Integer.parseInt(port.strip()) < 1 || Integer.parseInt(port.strip()) > 65535) {
			throw DicomregException.invalidNaming(Subject.PORT, Echo.quoted(port) + " given for {} is no port: use a "
					+ "number from 1 to 65535.");
		}
		return Integer.parseInt(port.strip());
	}

}
