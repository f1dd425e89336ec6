package io.dicomreg.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Whether a certificate is valid at a given time.
 */
public enum CertificateValidity {

	VALID, EXPIRED, NOT_YET_VALID;

	/** The validity of {@code certificate} at {@code now}. */
	public static CertificateValidity of(X509Certificate certificate, Instant now) {
		if (now.isAfter(certificate.getNotAfter().toInstant())) {
			return EXPIRED;
		}
		if (now.isBefore(certificate.getNotBefore().toInstant())) {
			return NOT_YET_VALID;
		}
		return VALID;
	}

}
