package io.dicomreg.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.ApplicationDetails;
import io.dicomreg.apps.ApplicationIds;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.DicomApi;
import io.dicomreg.apps.Platform;
import io.dicomreg.apps.credentials.SaveTarget;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.azure.DicomService;
import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DryRun;
import io.dicomreg.config.OwnerOnlyFiles;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;

/**
 * Makes the hand-off files a client's tools read, from the app (tenant and client IDs, authority, redirect URI)
 * and the DICOM service (its URL): an environment file for Azure Identity, a Postman environment with the
 * workshop's variables, an MSAL configuration. A secret goes in only when the user names the file holding it, and
 * then only into a file readable by its owner alone; existing files are never overwritten.
 */
public class ExportService {

	/** Microsoft's public cloud sign-in host: Azure Identity's default, so not written. */
	private static final String PUBLIC_AUTHORITY = "https://login.microsoftonline.com";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final ApplicationLocator locator;

	private final ApplicationService applications;

	private final DicomServiceDirectory services;

	private final ClientCredentials credentials;

	private final ConnectionTarget target;

	private final Clock clock;

	public ExportService(ApplicationLocator locator, ApplicationService applications, DicomServiceDirectory services,
			ClientCredentials credentials, ConnectionTarget target, Clock clock) {
		this.locator = locator;
		this.applications = applications;
		this.services = services;
		this.credentials = credentials;
		this.target = target;
		this.clock = clock;
	}

	/**
	 * Makes the file, and writes it when {@code request} names one.
	 * @throws DicomregException (usage) for a secret asked without a file to write, a file that exists, or a
	 * service or app not found
	 */
	public Export export(ExportRequest request, DryRun plan) {
		if (request.secretFrom() != null && request.out() == null) {
			throw DicomregException.invalidInput("--include-secret-from needs --out FILE: a secret is written only to a file "
					+ "you name (readable by you alone), never to the screen.");
		}
		String version = version(request.apiVersion());
		Path out = (request.out() != null) ? SaveTarget.newFile(request.out(), Subject.EXPORT_FILE) : null;
		if (request.certificate() != null) {
			// The client will sign in with it: it must hold a certificate and its key (a PFX without a password here).
			this.credentials.identify(io.dicomreg.auth.CredentialSource.certificate(request.certificate(), null),
					() -> new char[0]);
		}
		AppRef app = this.locator.resolve(request.app(), plan);
		ApplicationIds ids = this.applications.ids(app);
		ApplicationDetails details = this.applications.show(app);
		DicomService service = (request.dicom() != null) ? this.services.resolve(request.dicom()) : null;
		String secret = (request.secretFrom() != null) ? this.credentials.secretText(request.secretFrom()) : null;
		String baseUrl = (service != null && service.serviceUrl() != null)
				? trimSlash(service.serviceUrl()) + "/" + version : "";
		Map<String, String> variables = new LinkedHashMap<>();
		String content = switch (request.format()) {
			case ENV -> env(ids, service, secret, request.certificate(), variables);
			case POSTMAN -> postman(app, ids, baseUrl, secret, variables);
			case MSAL -> msal(ids, details, secret, variables);
		};
		if (out != null && !plan.skip("write the " + request.format().word() + " file " + out)) {
			write(out, content, secret != null);
		}
		return new Export(request.format(), (secret == null) ? content : null, out, secret != null,
				List.copyOf(variables.keySet()));
	}

	private String env(ApplicationIds ids, DicomService service, String secret, Path certificate,
			Map<String, String> variables) {
		variables.put("AZURE_TENANT_ID", ids.tenantId());
		variables.put("AZURE_CLIENT_ID", ids.appId());
		if (secret != null) {
			variables.put("AZURE_CLIENT_SECRET", secret);
		}
		if (certificate != null) {
			variables.put("AZURE_CLIENT_CERTIFICATE_PATH", certificate.toAbsolutePath().normalize().toString());
		}
		String authorityHost = this.target.endpoints().authorityHost().toString();
		if (!PUBLIC_AUTHORITY.equals(trimSlash(authorityHost))) {
			variables.put("AZURE_AUTHORITY_HOST", authorityHost);
		}
		if (service != null && service.serviceUrl() != null) {
			variables.put("DICOM_SERVICE_URL", trimSlash(service.serviceUrl()));
		}
		variables.put("DICOM_SCOPE", DicomApi.RESOURCE + "/.default");
		List<String> lines = new ArrayList<>(List.of("# Written by dicomreg for the app " + ids.displayName() + ".",
				"# Load it in a POSIX shell: set -a; . ./FILE; set +a"));
		variables.forEach((name, value) -> lines.add(name + "=" + shellQuoted(value)));
		return String.join("\n", lines) + "\n";
	}

	private String postman(AppRef app, ApplicationIds ids, String baseUrl, String secret, Map<String, String> variables) {
		ObjectNode environment = JSON.createObjectNode();
		environment.put("id", UUID.randomUUID().toString());
		environment.put("name", app.displayName() + " (DICOM service)");
		ArrayNode values = environment.putArray("values");
		variables.put("tenantId", ids.tenantId());
		variables.put("clientId", ids.appId());
		variables.put("clientSecret", (secret != null) ? secret : "");
		variables.put("bearerToken", "");
		variables.put("resource", DicomApi.RESOURCE);
		variables.put("baseUrl", baseUrl);
		variables.forEach((key, value) -> {
			ObjectNode entry = values.addObject();
			entry.put("key", key);
			entry.put("value", value);
			entry.put("type", key.equals("clientSecret") || key.equals("bearerToken") ? "secret" : "default");
			entry.put("enabled", true);
		});
		environment.put("_postman_variable_scope", "environment");
		environment.put("_postman_exported_at", Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS).toString());
		environment.put("_postman_exported_using", "dicomreg");
		return json(environment);
	}

	private String msal(ApplicationIds ids, ApplicationDetails details, String secret, Map<String, String> variables) {
		ObjectNode config = JSON.createObjectNode();
		config.put("authority", ids.authority());
		config.put("client_id", ids.appId());
		ArrayNode scopes = config.putArray("scopes");
		scopes.add(details.publicClient() ? DicomApi.RESOURCE + "/" + DicomApi.SCOPE : DicomApi.RESOURCE + "/.default");
		List<String> redirects = new ArrayList<>(details.redirectUris().on(Platform.MOBILE_DESKTOP));
		redirects.addAll(details.redirectUris().on(Platform.WEB));
		if (redirects.isEmpty()) {
			config.putNull("redirect_uri");
		}
		else {
			config.put("redirect_uri", redirects.get(0));
		}
		config.put("public_client", details.publicClient());
		if (secret != null) {
			config.put("client_secret", secret);
		}
		config.fieldNames().forEachRemaining(name -> variables.put(name, ""));
		return json(config);
	}

	private static void write(Path out, String content, boolean secret) {
		try {
			if (secret) {
				SaveTarget.newFile(out, Subject.EXPORT_FILE);
				OwnerOnlyFiles.write(out, content.getBytes(StandardCharsets.UTF_8));
			}
			else {
				Files.writeString(out, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw DicomregException.invalid(Subject.EXPORT_FILE, " " + out + " already exists: dicomreg never overwrites it.");
		}
		catch (IOException ex) {
			throw DicomregException.failure("Cannot write " + out + ": " + ex.getMessage(), ex);
		}
	}

	/** A value for a POSIX shell: single-quoted, a quote inside written as '\''. */
	static String shellQuoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	private static String json(ObjectNode node) {
		try {
			return JSON.writeValueAsString(node) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String version(String version) {
		String value = (version == null) ? "v2" : version.strip().toLowerCase(java.util.Locale.ROOT);
		if (!value.equals("v1") && !value.equals("v2")) {
			throw DicomregException.invalidNaming(Subject.API_VERSION, io.dicomreg.error.Echo.quoted(String.valueOf(version))
					+ " given for {} is no DICOMweb version: use v1 or v2.");
		}
		return value;
	}

	private static String trimSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}
