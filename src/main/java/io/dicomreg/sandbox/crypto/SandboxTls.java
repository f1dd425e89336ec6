package io.dicomreg.sandbox.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away TLS identity for one sandbox server, trusted only by the client contexts it hands out.
 */
public final class SandboxTls {

	private final X509Certificate certificate;

	private final SSLContext serverContext;

	private final SSLContext clientContext;

	private final X509TrustManager clientTrustManager;

	private SandboxTls(X509Certificate certificate, SSLContext serverContext, SSLContext clientContext,
			X509TrustManager clientTrustManager) {
		this.certificate = certificate;
		this.serverContext = serverContext;
		this.clientContext = clientContext;
		this.clientTrustManager = clientTrustManager;
	}

	/**
	 * Makes a new EC P-256 certificate for 127.0.0.1 and localhost, valid for two days. Every sandbox start makes
	 * one: an EC key takes about a millisecond where an RSA 2048 key takes tens to hundreds.
	 * @return the TLS identity
	 */
	public static SandboxTls create() {
		try {
			KeyPair keyPair = Keys.newEcP256KeyPair();
			X509Certificate certificate = selfSigned(keyPair);
			X509TrustManager trustManager = trustOnly(certificate);
			return new SandboxTls(certificate, serverContext(keyPair.getPrivate(), certificate), clientContext(trustManager),
					trustManager);
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the sandbox TLS certificate: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The TLS identity kept with a tenant: the server presents its certificate and the CA's, and client contexts
	 * trust the CA only.
	 * @param identity the identity
	 * @return the TLS contexts
	 */
	public static SandboxTls of(TlsIdentity identity) {
		try {
			X509TrustManager trustManager = trustOnly(identity.caCertificate());
			SSLContext server = serverContext(identity.serverKey(), identity.serverCertificate(), identity.caCertificate());
			return new SandboxTls(identity.caCertificate(), server, clientContext(trustManager), trustManager);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot use the sandbox's TLS identity: " + ex.getMessage(), ex);
		}
	}

	/** The certificate clients trust: the CA's for a kept identity, the server's own for a throw-away one. */
	public X509Certificate certificate() {
		return this.certificate;
	}

	public SSLContext serverContext() {
		return this.serverContext;
	}

	public SSLContext clientContext() {
		return this.clientContext;
	}

	public X509TrustManager clientTrustManager() {
		return this.clientTrustManager;
	}

	private static X509Certificate selfSigned(KeyPair keyPair)
			throws GeneralSecurityException, IOException, OperatorCreationException {
		Instant now = Instant.now();
		X500Name subject = new X500Name("CN=dicomreg sandbox");
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
				new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
				Date.from(now.plus(Duration.ofDays(2))), subject, keyPair.getPublic());
		GeneralNames names = new GeneralNames(new GeneralName[] {
				new GeneralName(GeneralName.iPAddress, InetAddress.getByName("127.0.0.1").getHostAddress()),
				new GeneralName(GeneralName.dNSName, "localhost") });
		builder.addExtension(Extension.subjectAlternativeName, false, names);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

	/**
	 * A server context that presents {@code chain} with {@code key}. The key manager hands out the key as it is: a
	 * PKCS12 key store would encrypt the key and decrypt it again with 10,000 rounds of PBKDF2 each way, which was
	 * the largest part of a sandbox's start.
	 */
	private static SSLContext serverContext(PrivateKey key, X509Certificate... chain) throws GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(new KeyManager[] { new OneKey(key, chain) }, null, null);
		return context;
	}

	/** The key manager of a server with one key and its certificate chain, whatever the client asks for. */
	private static final class OneKey extends X509ExtendedKeyManager {

		private static final String ALIAS = "sandbox";

		private final PrivateKey key;

		private final X509Certificate[] chain;

		OneKey(PrivateKey key, X509Certificate[] chain) {
			this.key = key;
			this.chain = chain.clone();
		}

		@Override
		public String[] getServerAliases(String keyType, Principal[] issuers) {
			return keyType.equals(this.key.getAlgorithm()) ? new String[] { ALIAS } : null;
		}

		@Override
		public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
			return keyType.equals(this.key.getAlgorithm()) ? ALIAS : null;
		}

		@Override
		public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
			return chooseServerAlias(keyType, issuers, null);
		}

		@Override
		public String[] getClientAliases(String keyType, Principal[] issuers) {
			return null;
		}

		@Override
		public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
			return null;
		}

		@Override
		public X509Certificate[] getCertificateChain(String alias) {
			return ALIAS.equals(alias) ? this.chain.clone() : null;
		}

		@Override
		public PrivateKey getPrivateKey(String alias) {
			return ALIAS.equals(alias) ? this.key : null;
		}

	}

	private static X509TrustManager trustOnly(X509Certificate certificate)
			throws GeneralSecurityException, IOException {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("sandbox", certificate);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		for (TrustManager manager : factory.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				return x509;
			}
		}
		throw new GeneralSecurityException("No X509TrustManager available");
	}

	private static SSLContext clientContext(X509TrustManager trustManager) throws GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { trustManager }, null);
		return context;
	}

}
