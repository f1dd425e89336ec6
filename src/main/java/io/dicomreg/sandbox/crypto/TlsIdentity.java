package io.dicomreg.sandbox.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's TLS identity, kept with its tenant so that clients that trust it once keep trusting it across
 * restarts: a small certificate authority (EC P-256, ten years) and a server certificate it issued for 127.0.0.1 and
 * localhost (two years). Clients trust the CA certificate ({@code sandbox serve --ca-out}).
 *
 * @param caCertificate the CA's certificate, the trust anchor
 * @param caKey the CA's private key, kept to issue a new server certificate when the old one expires
 * @param serverCertificate the server's certificate
 * @param serverKey the server's private key
 */
public record TlsIdentity(X509Certificate caCertificate, PrivateKey caKey, X509Certificate serverCertificate,
		PrivateKey serverKey) {

	private static final Duration CA_LIFETIME = Duration.ofDays(3650);

	private static final Duration SERVER_LIFETIME = Duration.ofDays(730);

	/**
	 * A new CA and server certificate.
	 * @param now the sandbox's time
	 * @return the identity
	 */
	public static TlsIdentity generate(Instant now) {
		try {
			KeyPair ca = Keys.newEcP256KeyPair();
			X500Name caName = new X500Name("CN=dicomreg sandbox CA");
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caName, serial(),
					Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_LIFETIME)), caName, ca.getPublic());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(ca.getPublic()));
			X509Certificate caCertificate = sign(builder, ca.getPrivate());
			return issueServer(caCertificate, ca.getPrivate(), now);
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the sandbox's TLS identity: " + ex.getMessage(), ex);
		}
	}

	/**
	 * This identity, with a new server certificate when the current one ends within a week.
	 * @param now the sandbox's time
	 * @return this, or a renewed identity under the same CA
	 */
	public TlsIdentity renewedIfNeeded(Instant now) {
		if (this.serverCertificate.getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(7)))) {
			return this;
		}
		try {
			return issueServer(this.caCertificate, this.caKey, now);
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot renew the sandbox's TLS certificate: " + ex.getMessage(), ex);
		}
	}

	private static TlsIdentity issueServer(X509Certificate caCertificate, PrivateKey caKey, Instant now)
			throws GeneralSecurityException, IOException, OperatorCreationException {
		KeyPair server = Keys.newEcP256KeyPair();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVER_LIFETIME)),
				new X500Name("CN=localhost"), server.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
				new GeneralName(GeneralName.iPAddress, InetAddress.getByName("127.0.0.1").getHostAddress()),
				new GeneralName(GeneralName.dNSName, "localhost") }));
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		builder.addExtension(Extension.authorityKeyIdentifier, false,
				extensions.createAuthorityKeyIdentifier(caCertificate));
		return new TlsIdentity(caCertificate, caKey, sign(builder, caKey), server.getPrivate());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws GeneralSecurityException, OperatorCreationException {
		var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
		return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

	private static BigInteger serial() {
		return new BigInteger(64, new SecureRandom());
	}

	/** The CA certificate as PEM, the trust anchor a client imports. */
	public String caPem() {
		return "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
					.encodeToString(Certificates.encoded(this.caCertificate))
				+ "\n-----END CERTIFICATE-----\n";
	}

	/** Base64 DER of a certificate, for the state file. */
	public static String certificateText(X509Certificate certificate) {
		return Base64.getEncoder().encodeToString(Certificates.encoded(certificate));
	}

	/** Base64 PKCS#8 of a private key, for the state file. */
	public static String keyText(PrivateKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	/**
	 * Reads an identity back from the state file's texts.
	 * @throws IllegalArgumentException when a text is not what it should be
	 */
	public static TlsIdentity of(String caCertificate, String caKey, String serverCertificate, String serverKey) {
		return new TlsIdentity(Certificates.parseBase64(caCertificate), ecKey(caKey),
				Certificates.parseBase64(serverCertificate), ecKey(serverKey));
	}

	private static PrivateKey ecKey(String text) {
		try {
			return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an EC private key", ex);
		}
	}

}
