package io.dicomreg.apps.credentials;

import java.time.Instant;

import com.microsoft.graph.models.PasswordCredential;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A client secret of an application as Graph lists it: never its value, only its hint.
 *
 * @param keyId the secret's key ID
 * @param description its description (Graph's {@code displayName})
 * @param hint the first characters of the value
 * @param start when it became valid
 * @param end when it expires
 * @param daysLeft whole days until it expires, negative once expired
 * @param status expired, expiring (under 30 days) or valid
 */
public record ClientSecret(UUID keyId, String description, String hint, OffsetDateTime start, OffsetDateTime end,
		Long daysLeft, CredentialStatus status) {

	/** The secret Graph lists as {@code credential}, with its expiry seen at {@code now}. */
	public static ClientSecret of(PasswordCredential credential, Instant now) {
		return new ClientSecret(credential.getKeyId(), credential.getDisplayName(), credential.getHint(),
				credential.getStartDateTime(), credential.getEndDateTime(),
				CredentialStatus.daysLeft(credential.getEndDateTime(), now),
				CredentialStatus.of(credential.getEndDateTime(), now));
	}

}
