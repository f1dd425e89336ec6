package io.dicomreg.sandbox.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An application object as the directory keeps it: its Graph representation (certificates included) and the
 * hashes of its client secrets.
 */
public final class StoredApplication {

	private final ObjectNode object;

	private final List<SecretHash> secretHashes;

	public StoredApplication(ObjectNode object, List<SecretHash> secretHashes) {
		this.object = object;
		this.secretHashes = new ArrayList<>(secretHashes);
	}

	/**
	 * The Graph representation; {@code keyCredentials[].key} still holds each certificate here.
	 * @return the mutable object
	 */
	public ObjectNode object() {
		return this.object;
	}

	public List<SecretHash> secretHashes() {
		return this.secretHashes;
	}

	public String objectId() {
		return Json.text(this.object, "id");
	}

	public String appId() {
		return Json.text(this.object, "appId");
	}

	public String displayName() {
		return Json.text(this.object, "displayName");
	}

	public String uniqueName() {
		return Json.text(this.object, "uniqueName");
	}

	public ArrayNode keyCredentials() {
		return (ArrayNode) this.object.withArray("keyCredentials");
	}

	public ArrayNode passwordCredentials() {
		return (ArrayNode) this.object.withArray("passwordCredentials");
	}

	public boolean isFallbackPublicClient() {
		return this.object.path("isFallbackPublicClient").asBoolean(false);
	}

	public List<String> redirectUris(String platform) {
		List<String> uris = new ArrayList<>();
		this.object.path(platform).path("redirectUris").forEach((uri) -> uris.add(uri.asText()));
		return uris;
	}

	public Optional<JsonNode> passwordCredential(String keyId) {
		for (JsonNode credential : passwordCredentials()) {
			if (keyId.equalsIgnoreCase(Json.text(credential, "keyId"))) {
				return Optional.of(credential);
			}
		}
		return Optional.empty();
	}

}
