package io.dicomreg.sandbox.graph;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.crypto.Certificates;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Times;

/**
 * Turns keyCredentials sent to Graph into stored ones: certificates parsed and checked, defaults filled from the
 * certificate, and existing credentials kept when sent back by keyId without their key.
 */
final class KeyCredentials {

	private static final Duration TOLERANCE = Duration.ofSeconds(1);

	private KeyCredentials() {
	}

	/**
	 * Replaces the whole keyCredentials collection, as a PATCH or POST of it does.
	 * @param existing the application's current credentials (with keys), may be empty
	 * @param sent the collection sent
	 * @return the new collection
	 */
	static ArrayNode replace(ArrayNode existing, JsonNode sent) {
		ArrayNode result = Json.array();
		Set<String> keyIds = new HashSet<>();
		for (JsonNode element : sent) {
			ObjectNode credential = (element.hasNonNull("key")) ? fromCertificate(element)
					: keep(existing, Json.text(element, "keyId"));
			if (!keyIds.add(Json.text(credential, "keyId").toLowerCase())) {
				throw invalid();
			}
			result.add(credential);
		}
		return result;
	}

	/**
	 * Builds a new credential from a keyCredential that carries a certificate.
	 * @param element the keyCredential sent
	 * @return the stored credential, key included
	 */
	static ObjectNode fromCertificate(JsonNode element) {
		if (!"AsymmetricX509Cert".equals(Json.text(element, "type")) || !"Verify".equals(Json.text(element, "usage"))
				|| !element.hasNonNull("key")) {
			throw invalid();
		}
		X509Certificate certificate;
		try {
			certificate = Certificates.parseBase64(Json.text(element, "key"));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		Instant start = instant(element, "startDateTime", notBefore);
		Instant end = instant(element, "endDateTime", notAfter);
		if (end.isAfter(notAfter.plus(TOLERANCE)) || start.isBefore(notBefore.minus(TOLERANCE)) || !end.isAfter(start)) {
			throw new GraphError(400, "KeyCredentialsInvalidEndDate", "Key credential end date is invalid.");
		}
		ObjectNode credential = Json.object();
		credential.put("customKeyIdentifier", textOr(element, "customKeyIdentifier",
				Certificates.base64(Certificates.sha1Thumbprint(certificate))));
		credential.put("displayName", textOr(element, "displayName", certificate.getSubjectX500Principal().getName()));
		credential.put("endDateTime", Times.format(end));
		credential.put("key", Certificates.base64(Certificates.encoded(certificate)));
		credential.put("keyId", textOr(element, "keyId", UUID.randomUUID().toString()));
		credential.put("startDateTime", Times.format(start));
		credential.put("type", "AsymmetricX509Cert");
		credential.put("usage", "Verify");
		return credential;
	}

	/**
	 * The credential as Graph returns it: the key is write-only.
	 * @param credential the stored credential
	 * @return a copy without the key
	 */
	static ObjectNode withoutKey(JsonNode credential) {
		ObjectNode copy = credential.deepCopy();
		copy.putNull("key");
		return copy;
	}

	static boolean remove(StoredApplication application, String keyId) {
		ArrayNode credentials = application.keyCredentials();
		for (int i = 0; i < credentials.size(); i++) {
			if (keyId.equalsIgnoreCase(Json.text(credentials.get(i), "keyId"))) {
				credentials.remove(i);
				return true;
			}
		}
		return false;
	}

	private static ObjectNode keep(ArrayNode existing, String keyId) {
		for (JsonNode credential : existing) {
			if (keyId != null && keyId.equalsIgnoreCase(Json.text(credential, "keyId"))) {
				return credential.deepCopy();
			}
		}
		throw invalid();
	}

	private static Instant instant(JsonNode element, String field, Instant fallback) {
		String text = Json.text(element, field);
		return (text != null) ? Times.parse(text) : fallback;
	}

	private static String textOr(JsonNode element, String field, String fallback) {
		String text = Json.text(element, field);
		return (text != null) ? text : fallback;
	}

	private static GraphError invalid() {
		return GraphError.invalidValue("keyCredentials", "Application");
	}

}
