package io.dicomreg.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.StoredApplication;

/**
 * Objects as Graph returns them: certificate keys and secret texts are never read back.
 */
public final class Entities {

	private Entities() {
	}

	public static ObjectNode application(StoredApplication application) {
		ObjectNode copy = application.object().deepCopy();
		stripCredentials(copy);
		return copy;
	}

	public static ObjectNode servicePrincipal(JsonNode servicePrincipal) {
		ObjectNode copy = servicePrincipal.deepCopy();
		stripCredentials(copy);
		return copy;
	}

	private static void stripCredentials(ObjectNode object) {
		ArrayNode keys = Json.array();
		object.path("keyCredentials").forEach((credential) -> keys.add(KeyCredentials.withoutKey(credential)));
		object.set("keyCredentials", keys);
		ArrayNode passwords = Json.array();
		object.path("passwordCredentials").forEach((credential) -> {
			ObjectNode copy = credential.deepCopy();
			copy.putNull("secretText");
			passwords.add(copy);
		});
		object.set("passwordCredentials", passwords);
	}

}
