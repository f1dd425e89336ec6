package io.dicomreg.apps.credentials;

import java.time.Instant;

import com.microsoft.graph.models.KeyCredential;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A certificate (key credential) of an application as Graph lists it: never the key itself.
 *
 * @param thumbprint the SHA-1 thumbprint (Graph's {@code customKeyIdentifier}), upper case hexadecimal
 * @param description its description (Graph's {@code displayName}, by default the subject)
 * @param keyId the credential's key ID
 * @param start when it became valid
 * @param end when it expires
 * @param daysLeft whole days until it expires, negative once expired
 * @param status expired, expiring (under 30 days) or valid
 */
public record CertificateCredential(String thumbprint, String description, UUID keyId, OffsetDateTime start,
		OffsetDateTime end, Long daysLeft, CredentialStatus status) {

	/** The certificate Graph lists as {@code credential}, with its expiry seen at {@code now}. */
	public static CertificateCredential of(KeyCredential credential, Instant now) {
		return new CertificateCredential(Thumbprints.hex(credential.getCustomKeyIdentifier()), credential.getDisplayName(),
				credential.getKeyId(), credential.getStartDateTime(), credential.getEndDateTime(),
				CredentialStatus.daysLeft(credential.getEndDateTime(), now), CredentialStatus.of(credential.getEndDateTime(), now));
	}

}
