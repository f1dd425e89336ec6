package io.dicomreg.apps.credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.TextRules;
import io.dicomreg.error.Subject;

/**
 * Makes self-signed client certificates like the tutorial's {@code New-SelfSignedCertificate -KeyAlgorithm RSA
 * -KeyLength 2048 -HashAlgorithm SHA256}: RSA 2048, signed with SHA-256, valid from ten minutes ago (the
 * cmdlet's default, against clock skew), key usage digital signature and key encipherment (the cmdlet's
 * default), extended key usage client authentication only (the certificate signs client assertions; it
 * is no TLS server certificate), not a CA, a 16-byte random serial number.
 */
final class SelfSignedCertificates {

	/**
	 * RSA 2048: what Microsoft's how-to for application certificates uses, accepted by Entra ID, and
	 * considered sound until 2030 (NIST SP 800-57); 3072 would only make every sign-in slower.
	 */
	static final int KEY_SIZE = 2048;

	static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

	/** As New-SelfSignedCertificate: valid from ten minutes before creation. */
	static final Duration BACKDATE = Duration.ofMinutes(10);

	private static final String PFX_ALIAS = "dicomreg";

	private SelfSignedCertificates() {
	}

	private static final Map<ASN1ObjectIdentifier, Integer> UPPER_BOUNDS = Map.of(
			BCStyle.CN, 64, BCStyle.O, 64,
			BCStyle.OU, 64, BCStyle.L, 128,
			BCStyle.ST, 128, BCStyle.C, 2);

	/**
	 * The subject {@code text} names; as New-SelfSignedCertificate, {@code CN=} is put before text
	 * without an attribute name.
	 * @throws DicomregException (usage) when it is empty or not a distinguished name
	 */
	static X500Principal subject(String text) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw DicomregException.invalid(Subject.CERTIFICATE_SUBJECT, " is required, e.g. \"CN=DICOM client\".");
		}
		TextRules.requirePlainText(Subject.CERTIFICATE_SUBJECT, value);
		try {
			X500Principal subject = new X500Principal(value.contains("=") ? value : "CN=" + value);
			if (X500Name.getInstance(subject.getEncoded()).getRDNs().length == 0 || hasEmptyValue(subject)) {
				throw DicomregException.invalid(Subject.CERTIFICATE_SUBJECT, " \"" + value
						+ "\" has an empty name: write it like \"CN=DICOM client\".");
			}
			requireWithinBounds(subject);
			return subject;
		}
		catch (IllegalArgumentException ex) {
			throw DicomregException.invalid(Subject.CERTIFICATE_SUBJECT, " \"" + value
					+ "\" is not a distinguished name: write it like \"CN=DICOM client\" or \"CN=DICOM client,O=Contoso\".");
		}
	}

	/**
	 * Refuses an attribute longer than RFC 5280's upper bound for it (appendix A.1: ub-common-name,
	 * ub-organization-name and ub-organizational-unit-name 64, ub-locality-name and
	 * ub-state-name 128, a country 2 letters), which certificate parsers may refuse.
	 */
	private static void requireWithinBounds(X500Principal subject) {
		for (RDN rdn : X500Name.getInstance(subject.getEncoded()).getRDNs()) {
			for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
				Integer bound = UPPER_BOUNDS.get(value.getType());
				int length = IETFUtils.valueToString(value.getValue()).length();
				if (bound != null && length > bound) {
					String name = BCStyle.INSTANCE.oidToDisplayName(value.getType());
					throw DicomregException.invalid(Subject.CERTIFICATE_SUBJECT, " has a " + name + " of " + length
							+ " characters; at most " + bound + " are allowed (RFC 5280).");
				}
			}
		}
	}

	private static boolean hasEmptyValue(X500Principal subject) {
		for (RDN rdn : X500Name.getInstance(subject.getEncoded()).getRDNs()) {
			for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
				if (IETFUtils.valueToString(value.getValue()).isBlank()) {
					return true;
				}
			}
		}
		return false;
	}

	/** A new key pair and a certificate for it, valid from now (less ten minutes) for {@code years}. */
	static Made make(X500Principal subject, int years, Instant now) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE, new SecureRandom());
			KeyPair keyPair = generator.generateKeyPair();
			X500Name name = X500Name.getInstance(subject.getEncoded());
			Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serialNumber(),
					Date.from(now.minus(BACKDATE)), Date.from(notAfter), name, keyPair.getPublic());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate())));
			return new Made(keyPair, certificate);
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw DicomregException.failure("Cannot make the certificate: " + ex.getMessage(), ex);
		}
	}

	/** The certificate as PEM text. */
	static byte[] certificatePem(X509Certificate certificate) {
		return pem(certificate);
	}

	/** The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
	static byte[] privateKeyPem(PrivateKey key) {
		try {
			return pem(new JcaPKCS8Generator(key, null));
		}
		catch (IOException ex) {
			throw DicomregException.failure("Cannot encode the private key.", ex);
		}
	}

	/** A PKCS#12 file holding certificate and key, protected by {@code password}. */
	static byte[] pfx(Made made, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(PFX_ALIAS, made.keyPair().getPrivate(), password, new X509Certificate[] { made.certificate() });
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password);
			return out.toByteArray();
		}
		catch (GeneralSecurityException | IOException ex) {
			throw DicomregException.failure("Cannot write the PFX file: " + ex.getMessage(), ex);
		}
	}

	private static byte[] pem(Object object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write PEM", ex);
		}
		return text.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static BigInteger serialNumber() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		bytes[0] &= 0x7F;
		bytes[0] |= 0x01;
		return new BigInteger(1, bytes);
	}

	/**
	 * A key pair and its self-signed certificate.
	 *
	 * @param keyPair the key pair
	 * @param certificate the certificate
	 */
	record Made(KeyPair keyPair, X509Certificate certificate) {

		@Override
		public String toString() {
			return "Made[certificate=" + this.certificate.getSubjectX500Principal() + "]";
		}

	}

}
