package io.dicomreg.sandbox.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Device codes and authorization codes issued by this server and not yet redeemed; they live in memory only.
 */
public final class PendingCodes {

	private final Map<String, DeviceCode> deviceCodes = new ConcurrentHashMap<>();

	private final Map<String, AuthorizationCode> authorizationCodes = new ConcurrentHashMap<>();

	void add(DeviceCode deviceCode) {
		this.deviceCodes.put(deviceCode.deviceCode(), deviceCode);
	}

	Optional<DeviceCode> deviceCode(String deviceCode) {
		return Optional.ofNullable(this.deviceCodes.get(deviceCode));
	}

	/**
	 * Approves the device code a user code names, for a user of the tenant: its next poll gets tokens for that user.
	 * Only the sandbox's owner may call this (see {@link OwnerSecret}).
	 * @param userCode the code the user was shown, in any case, spaces and dashes ignored
	 * @param userObjectId the user who signs in
	 * @param now the current time
	 * @return whether a code was waiting for approval and is now approved
	 */
	public boolean approve(String userCode, String userObjectId, Instant now) {
		String wanted = normalise(userCode);
		for (DeviceCode deviceCode : this.deviceCodes.values()) {
			if (deviceCode.userCode().equals(wanted) && now.isBefore(deviceCode.expiresAt())) {
				return deviceCode.approve(userObjectId);
			}
		}
		return false;
	}

	private static String normalise(String userCode) {
		return (userCode != null) ? userCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT) : "";
	}

	void add(AuthorizationCode code) {
		this.authorizationCodes.put(code.code(), code);
	}

	Optional<AuthorizationCode> authorizationCode(String code) {
		return Optional.ofNullable(this.authorizationCodes.get(code));
	}

	/**
	 * A device code and its approval state.
	 */
	static final class DeviceCode {

		private final String deviceCode;

		private final String userCode;

		private final String clientAppId;

		private final String scope;

		private final Instant expiresAt;

		private String approvedFor;

		private boolean redeemed;

		DeviceCode(String deviceCode, String userCode, String clientAppId, String scope, Instant expiresAt) {
			this.deviceCode = deviceCode;
			this.userCode = userCode;
			this.clientAppId = clientAppId;
			this.scope = scope;
			this.expiresAt = expiresAt;
		}

		String deviceCode() {
			return this.deviceCode;
		}

		String userCode() {
			return this.userCode;
		}

		String clientAppId() {
			return this.clientAppId;
		}

		String scope() {
			return this.scope;
		}

		Instant expiresAt() {
			return this.expiresAt;
		}

		/**
		 * Tells a poll whether the owner has approved the code yet.
		 * @return true while approval is still pending
		 */
		synchronized boolean pollIsPending() {
			return this.approvedFor == null;
		}

		/**
		 * Approves the code, once.
		 * @param userObjectId the user who signs in
		 * @return false when it was approved or redeemed already
		 */
		synchronized boolean approve(String userObjectId) {
			if (this.approvedFor != null || this.redeemed) {
				return false;
			}
			this.approvedFor = userObjectId;
			return true;
		}

		/**
		 * The user the code was approved for.
		 * @return the user's object id, null while approval is pending
		 */
		synchronized String approvedFor() {
			return this.approvedFor;
		}

		synchronized boolean redeem() {
			boolean first = !this.redeemed;
			this.redeemed = true;
			return first;
		}

	}

	/**
	 * An authorization code and what it was issued for.
	 *
	 * @param code the code
	 * @param clientAppId the client
	 * @param redirectUri the redirect_uri of the authorize request
	 * @param publicRedirect whether that redirect URI is a public client one (no credential needed)
	 * @param scope the scope of the authorize request
	 * @param codeChallenge the PKCE challenge, may be null
	 * @param codeChallengeMethod S256 or plain
	 * @param nonce the OpenID nonce, may be null
	 * @param userObjectId the user who signed in
	 * @param expiresAt when the code expires
	 * @param redeemed set once the code has been used
	 */
	record AuthorizationCode(String code, String clientAppId, String redirectUri, boolean publicRedirect,
			String scope, String codeChallenge, String codeChallengeMethod, String nonce, String userObjectId,
			Instant expiresAt, AtomicBoolean redeemed) {

	}

}
