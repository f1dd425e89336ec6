package io.dicomreg.cli.walkthrough;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dicomreg.apps.AppRef;

/**
 * How far a walkthrough got and what was chosen, saved after every step: the IDs of what it
 * created and where secret values went, never a secret value.
 */
public class WalkthroughProgress {

	private int nextStep;

	private String startedAt;

	private boolean finished;

	private String tenantId;

	private Map<String, String> steps = new LinkedHashMap<>();

	private Application application;

	private Authentication authentication;

	private Secret secret;

	private Certificate certificate;

	private Permission permission;

	private boolean consentGranted;

	private Role role;

	private String scriptFile;

	/** The index of the step to run next. */
	public int getNextStep() {
		return this.nextStep;
	}

	public void setNextStep(int nextStep) {
		this.nextStep = nextStep;
	}

	/** When the walkthrough started, ISO-8601 in UTC. */
	public String getStartedAt() {
		return this.startedAt;
	}

	public void setStartedAt(String startedAt) {
		this.startedAt = startedAt;
	}

	public boolean isFinished() {
		return this.finished;
	}

	public void setFinished(boolean finished) {
		this.finished = finished;
	}

	/** The tenant the walkthrough works in, once signed in. */
	public String getTenantId() {
		return this.tenantId;
	}

	public void setTenantId(String tenantId) {
		this.tenantId = tenantId;
	}

	/** Each step's outcome by title: {@code done} or {@code skipped}. */
	public Map<String, String> getSteps() {
		return this.steps;
	}

	public void setSteps(Map<String, String> steps) {
		this.steps = new LinkedHashMap<>(steps);
	}

	public Application getApplication() {
		return this.application;
	}

	public void setApplication(Application application) {
		this.application = application;
	}

	public Authentication getAuthentication() {
		return this.authentication;
	}

	public void setAuthentication(Authentication authentication) {
		this.authentication = authentication;
	}

	public Secret getSecret() {
		return this.secret;
	}

	public void setSecret(Secret secret) {
		this.secret = secret;
	}

	public Certificate getCertificate() {
		return this.certificate;
	}

	public void setCertificate(Certificate certificate) {
		this.certificate = certificate;
	}

	public Permission getPermission() {
		return this.permission;
	}

	public void setPermission(Permission permission) {
		this.permission = permission;
	}

	/** Whether the walkthrough granted (or found) admin consent for its permission. */
	public boolean isConsentGranted() {
		return this.consentGranted;
	}

	public void setConsentGranted(boolean consentGranted) {
		this.consentGranted = consentGranted;
	}

	/** The DICOM role the walkthrough assigned, or {@code null}. */
	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	/** Where the script goes at the end ({@code --save-script}), or {@code null} to offer it then. */
	public String getScriptFile() {
		return this.scriptFile;
	}

	public void setScriptFile(String scriptFile) {
		this.scriptFile = scriptFile;
	}

	/**
	 * Forgets what the steps after registration recorded: they were for another application.
	 */
	void forgetCredentialsAndSettings() {
		this.authentication = null;
		this.secret = null;
		this.certificate = null;
		this.permission = null;
		this.consentGranted = false;
		this.role = null;
	}

	/** The application this walkthrough registered, once it has one. */
	AppRef appRef() {
		return (this.application != null && this.application.objectId() != null)
				? new AppRef(this.application.objectId(), this.application.appId(), this.application.displayName()) : null;
	}

	/**
	 * The application step's choices and result.
	 *
	 * @param displayName the display name
	 * @param uniqueName the immutable key it is registered under
	 * @param objectId its object ID, once registered
	 * @param appId its application (client) ID, once registered
	 */
	public record Application(String displayName, String uniqueName, String objectId, String appId) {
	}

	/**
	 * The authentication step's choices.
	 *
	 * @param publicClient whether public client flows are allowed
	 * @param redirectUris the redirect URIs the walkthrough added, by platform command word
	 */
	public record Authentication(boolean publicClient, Map<String, List<String>> redirectUris) {

		public Authentication {
			Map<String, List<String>> copy = new LinkedHashMap<>();
			if (redirectUris != null) {
				redirectUris.forEach((platform, uris) -> copy.put(platform, List.copyOf(uris)));
			}
			redirectUris = copy;
		}

		/** These settings with {@code uris} added to {@code platform}'s, each once. */
		Authentication with(boolean publicClient, String platform, List<String> uris) {
			Map<String, List<String>> all = new LinkedHashMap<>(this.redirectUris);
			if (!uris.isEmpty()) {
				List<String> merged = new ArrayList<>(all.getOrDefault(platform, List.of()));
				uris.stream().filter(uri -> !merged.contains(uri)).forEach(merged::add);
				all.put(platform, merged);
			}
			return new Authentication(publicClient, all);
		}

	}

	/**
	 * The client secret's choices and result: never its value.
	 *
	 * @param description its description, which also recognises it on a resume
	 * @param expires its lifetime as {@code secret add --expires} takes it
	 * @param savedTo the file its value went to (or is to go to, while it is being added)
	 * @param keyId its key ID, once added
	 * @param end the day it expires (UTC), once added
	 * @param valueKnown whether the walkthrough saved or showed its value (not so for a secret that
	 * was already there)
	 */
	public record Secret(String description, String expires, String savedTo, String keyId, String end,
			boolean valueKnown) {

		/** A secret about to be added. */
		static Secret pending(String description, String expires, Path savedTo) {
			return new Secret(description, expires, (savedTo != null) ? savedTo.toString() : null, null, null, false);
		}

	}

	/**
	 * The certificate's choices and result: never a private key.
	 *
	 * @param created whether the walkthrough made it (self-signed) rather than uploading a file
	 * @param subject the subject of a made certificate
	 * @param years the validity of a made certificate
	 * @param file the certificate file uploaded
	 * @param thumbprint its SHA-1 thumbprint, once uploaded
	 * @param keyId its key ID, once uploaded
	 */
	public record Certificate(boolean created, String subject, int years, String file, String thumbprint, String keyId) {

		Path path() {
			return Path.of(this.file);
		}

	}

	/**
	 * The API permission added.
	 *
	 * @param resourceAppId the API's application ID
	 * @param resourceName the API's display name
	 * @param scope the delegated permission
	 */
	public record Permission(String resourceAppId, String resourceName, String scope) {
	}

	/**
	 * The DICOM role assigned to the application's service principal.
	 *
	 * @param role owner or reader
	 * @param roleName DICOM Data Owner or DICOM Data Reader
	 * @param service the DICOM service, as workspace/name
	 * @param serviceId its resource id
	 */
	public record Role(String role, String roleName, String service, String serviceId) {
	}

}
