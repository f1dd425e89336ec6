package io.dicomreg.sandbox.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.crypto.Secrets;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.SecretHash;
import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Times;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * The credential actions of an application: addPassword, removePassword, addKey and removeKey.
 */
final class CredentialActions {

	SandboxResponse addPassword(GraphCall call, ApplicationKey key) {
		ObjectNode body = call.body(true);
		SchemaValidator.validateAction(body, "addPassword", "application");
		JsonNode requested = body.path("passwordCredential");
		Instant now = call.context().clock().instant();
		Instant start = instant(requested, "startDateTime", now);
		Instant end = instant(requested, "endDateTime", start.atOffset(ZoneOffset.UTC).plusYears(2).toInstant());
		if (!end.isAfter(start)) {
			throw GraphError.invalidValue("endDateTime", "PasswordCredential");
		}
		String secret = Secrets.newClientSecret();
		ObjectNode credential = Json.object();
		credential.putNull("customKeyIdentifier");
		credential.put("displayName", Json.text(requested, "displayName"));
		credential.put("endDateTime", Times.format(end));
		credential.put("hint", secret.substring(0, 3));
		credential.put("keyId", UUID.randomUUID().toString());
		credential.putNull("secretText");
		credential.put("startDateTime", Times.format(start));
		call.context().store().write((tenant) -> {
			StoredApplication application = key.require(tenant);
			application.passwordCredentials().add(credential.deepCopy());
			application.secretHashes().add(SecretHash.of(credential.get("keyId").asText(), secret));
			return null;
		});
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("microsoft.graph.passwordCredential"));
		response.setAll(credential);
		response.put("secretText", secret);
		return GraphResponses.json(200, response);
	}

	SandboxResponse removePassword(GraphCall call, ApplicationKey key) {
		ObjectNode body = call.body(true);
		SchemaValidator.validateAction(body, "removePassword", "application");
		String keyId = requiredKeyId(body);
		call.context().store().write((tenant) -> {
			StoredApplication application = key.require(tenant);
			JsonNode credential = application.passwordCredential(keyId).orElseThrow(() -> GraphError.notFound(keyId));
			application.passwordCredentials().remove(indexOf(application.passwordCredentials(), credential));
			application.secretHashes().removeIf((hash) -> hash.keyId().equalsIgnoreCase(keyId));
			return null;
		});
		return SandboxResponse.noContent();
	}

	SandboxResponse addKey(GraphCall call, ApplicationKey key) {
		ObjectNode body = call.body(true);
		SchemaValidator.validateAction(body, "addKey", "application");
		if (body.hasNonNull("passwordCredential")) {
			throw GraphError.invalidValue("passwordCredential", "Application");
		}
		ObjectNode credential = KeyCredentials.fromCertificate(body.path("keyCredential"));
		call.context().store().write((tenant) -> {
			StoredApplication application = key.require(tenant);
			requireSelfOrWriter(call, application);
			ProofVerifier.verify(application, Json.text(body, "proof"), call.context().clock().instant());
			application.keyCredentials().add(credential);
			ApplicationRules.check(tenant, application.object());
			return null;
		});
		ObjectNode response = Json.object();
		response.put("@odata.context", call.metadata("microsoft.graph.keyCredential"));
		response.setAll(KeyCredentials.withoutKey(credential));
		return GraphResponses.json(200, response);
	}

	SandboxResponse removeKey(GraphCall call, ApplicationKey key) {
		ObjectNode body = call.body(true);
		SchemaValidator.validateAction(body, "removeKey", "application");
		String keyId = requiredKeyId(body);
		call.context().store().write((tenant) -> {
			StoredApplication application = key.require(tenant);
			requireSelfOrWriter(call, application);
			ProofVerifier.verify(application, Json.text(body, "proof"), call.context().clock().instant());
			if (!KeyCredentials.remove(application, keyId)) {
				throw GraphError.notFound(keyId);
			}
			return null;
		});
		return SandboxResponse.noContent();
	}

	private static void requireSelfOrWriter(GraphCall call, StoredApplication application) {
		boolean self = !call.caller().isDelegated() && application.appId().equalsIgnoreCase(call.caller().appId());
		if (!self) {
			Permissions.require(call.caller(), Permissions.WRITE_APPLICATIONS);
		}
	}

	private static String requiredKeyId(ObjectNode body) {
		String keyId = Json.text(body, "keyId");
		if (keyId == null) {
			throw GraphError.invalidValue("keyId", "Application");
		}
		return keyId;
	}

	private static int indexOf(Iterable<JsonNode> array, JsonNode element) {
		int index = 0;
		for (JsonNode candidate : array) {
			if (candidate.equals(element)) {
				return index;
			}
			index++;
		}
		return -1;
	}

	private static Instant instant(JsonNode node, String field, Instant fallback) {
		String text = Json.text(node, field);
		return (text != null) ? Times.parse(text) : fallback;
	}

}
