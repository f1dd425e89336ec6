package io.dicomreg.sandbox.directory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.SandboxDirectory;
import io.dicomreg.sandbox.crypto.Keys;

/**
 * Converts a {@link Tenant} to and from the JSON of the state file.
 */
public final class TenantCodec {

	/** Marker that tells a dicomreg sandbox state file from any other JSON. */
	public static final String FORMAT = "dicomreg-sandbox-state";

	/** Version of the layout below; bump it when the layout changes incompatibly. */
	public static final int VERSION = 1;

	private TenantCodec() {
	}

	public static ObjectNode toJson(Tenant tenant) {
		ObjectNode root = Json.object();
		root.put("format", FORMAT);
		root.put("version", VERSION);
		root.put("tenantId", tenant.tenantId());
		if (tenant.ownerSecret() != null) {
			root.put("ownerSecret", tenant.ownerSecret());
		}
		root.put("createdDateTime", Times.format(tenant.createdDateTime()));
		root.set("signingKey", signingKey(tenant.signingKey()));
		root.set("adminUser", Json.mapper().valueToTree(tenant.admin()));
		ArrayNode applications = root.putArray("applications");
		tenant.applications().forEach((app) -> applications.add(application(app)));
		ArrayNode servicePrincipals = root.putArray("servicePrincipals");
		tenant.servicePrincipals().forEach((sp) -> servicePrincipals.add(sp.deepCopy()));
		ArrayNode grants = root.putArray("oauth2PermissionGrants");
		tenant.grants().forEach((grant) -> grants.add(grant.deepCopy()));
		ArrayNode refreshTokens = root.putArray("refreshTokens");
		tenant.refreshTokens().forEach((token) -> refreshTokens.add(refreshToken(token)));
		root.set("azure", AzureResourcesCodec.toJson(tenant.azure()));
		consentToJson(tenant, root);
		tlsToJson(tenant, root);
		dicomToJson(tenant, root);
		return root;
	}

	/**
	 * Reads a tenant back, adding what a state file of an earlier dicomreg lacks (the service principal of Azure
	 * Resource Manager, the Azure resources a new tenant is provisioned with) with ids derived from the tenant id;
	 * {@link Tenant#upgraded()} then says so.
	 * @param root the state file's JSON
	 * @return the tenant
	 * @throws IllegalArgumentException naming what is wrong when the JSON is not a sandbox state
	 */
	public static Tenant fromJson(JsonNode root) {
		if (!root.isObject() || !FORMAT.equals(Json.text(root, "format"))) {
			throw new IllegalArgumentException("no \"format\": \"" + FORMAT + "\" marker");
		}
		if (root.path("version").asInt(-1) != VERSION) {
			throw new IllegalArgumentException("unsupported version " + root.path("version") + ", expected " + VERSION);
		}
		Tenant tenant = new Tenant(required(root, "tenantId"), Times.parse(required(root, "createdDateTime")),
				signingKey(root.path("signingKey")), adminUser(root.path("adminUser")));
		tenant.setOwnerSecret(Json.text(root, "ownerSecret"));
		for (JsonNode app : array(root, "applications")) {
			tenant.putApplication(application(app));
		}
		for (JsonNode sp : array(root, "servicePrincipals")) {
			requireId(sp, "servicePrincipals");
			tenant.putServicePrincipal((ObjectNode) sp.deepCopy());
		}
		if (tenant.servicePrincipalByAppId(SandboxDirectory.ARM_APP_ID).isEmpty()) {
			tenant.putServicePrincipal(TenantFactory.resourceManager(IdSource.derivedFrom(tenant.tenantId())));
			tenant.markUpgraded();
		}
		for (JsonNode grant : array(root, "oauth2PermissionGrants")) {
			requireId(grant, "oauth2PermissionGrants");
			tenant.putGrant((ObjectNode) grant.deepCopy());
		}
		for (JsonNode token : array(root, "refreshTokens")) {
			tenant.refreshTokens().add(refreshToken(token));
		}
		if (root.has("azure")) {
			tenant.setAzure(AzureResourcesCodec.fromJson(root.path("azure")));
		}
		else {
			tenant.setAzure(AzureResources.provisioned(tenant.admin().objectId(), tenant.createdDateTime(),
					IdSource.derivedFrom(tenant.tenantId())));
			tenant.markUpgraded();
		}
		consentFromJson(root, tenant);
		tlsFromJson(root, tenant);
		dicomFromJson(root, tenant);
		return tenant;
	}

	/**
	 * A deep copy, so a change can be applied to the copy and dropped when it fails half way.
	 * @param tenant the tenant
	 * @return an independent copy
	 */
	public static Tenant copy(Tenant tenant) {
		return fromJson(toJson(tenant));
	}

	private static ObjectNode signingKey(SigningKey key) {
		ObjectNode node = Json.object();
		node.put("kid", key.keyId());
		node.put("privateKeyPkcs8", Keys.toPkcs8(key.keyPair()));
		return node;
	}

	private static SigningKey signingKey(JsonNode node) {
		String pkcs8 = required(node, "privateKeyPkcs8");
		try {
			return new SigningKey(required(node, "kid"), Keys.fromPkcs8(pkcs8));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("signingKey.privateKeyPkcs8 is " + ex.getMessage());
		}
	}

	private static AdminUser adminUser(JsonNode node) {
		return new AdminUser(required(node, "objectId"), required(node, "userPrincipalName"),
				required(node, "displayName"), Json.text(node, "givenName"), Json.text(node, "surname"));
	}

	private static ObjectNode application(StoredApplication app) {
		ObjectNode node = Json.object();
		node.set("object", app.object().deepCopy());
		node.set("secretHashes", Json.mapper().valueToTree(app.secretHashes()));
		return node;
	}

	private static StoredApplication application(JsonNode node) {
		JsonNode object = node.path("object");
		requireId(object, "applications");
		List<SecretHash> hashes = new ArrayList<>();
		for (JsonNode hash : node.path("secretHashes")) {
			hashes.add(new SecretHash(required(hash, "keyId"), required(hash, "salt"), required(hash, "hash")));
		}
		return new StoredApplication((ObjectNode) object.deepCopy(), hashes);
	}

	private static ObjectNode refreshToken(RefreshTokenRecord token) {
		ObjectNode node = Json.object();
		node.put("tokenHash", token.tokenHash());
		node.put("userObjectId", token.userObjectId());
		node.put("clientAppId", token.clientAppId());
		node.put("expiresDateTime", Times.format(token.expiresAt()));
		return node;
	}

	private static RefreshTokenRecord refreshToken(JsonNode node) {
		return new RefreshTokenRecord(required(node, "tokenHash"), required(node, "userObjectId"),
				required(node, "clientAppId"), Instant.parse(required(node, "expiresDateTime")));
	}

	// Members and app role assignments; a state file written before there were any has neither.

	private static void consentToJson(Tenant tenant, ObjectNode root) {
		ArrayNode users = root.putArray("users");
		tenant.members().forEach((member) -> users.add(Json.mapper().valueToTree(member)));
		ArrayNode assignments = root.putArray("appRoleAssignments");
		tenant.appRoleAssignments().forEach((assignment) -> assignments.add(assignment.deepCopy()));
	}

	/**
	 * Reads the members and app role assignments. A state file of an earlier dicomreg has no {@code users}: it gets
	 * the seeded member, with an object id derived from the tenant id so that every reading of the file agrees until
	 * the next change saves it.
	 */
	private static void consentFromJson(JsonNode root, Tenant tenant) {
		if (root.has("users")) {
			for (JsonNode user : array(root, "users")) {
				tenant.addMember(new DirectoryUser(required(user, "objectId"), required(user, "userPrincipalName"),
						required(user, "displayName"), Json.text(user, "givenName"), Json.text(user, "surname"),
						user.path("administrator").asBoolean(false)));
			}
		}
		else {
			tenant.addMember(TenantFactory.member(TenantFactory.memberIdForEarlierState(tenant.tenantId())));
		}
		if (root.has("appRoleAssignments")) {
			for (JsonNode assignment : array(root, "appRoleAssignments")) {
				requireId(assignment, "appRoleAssignments");
				tenant.putAppRoleAssignment((ObjectNode) assignment.deepCopy());
			}
		}
	}

	// DICOM instances clients stored; a state file written before DICOMweb was served has none.

	private static void dicomToJson(Tenant tenant, ObjectNode root) {
		ArrayNode instances = root.putArray("dicomInstances");
		for (StoredDicomInstance instance : tenant.dicomInstances()) {
			ObjectNode node = instances.addObject();
			node.put("serviceId", instance.serviceId());
			node.put("sequence", instance.sequence());
			node.put("timestamp", instance.timestamp().toString());
			node.set("metadata", instance.metadata().deepCopy());
		}
	}

	private static void dicomFromJson(JsonNode root, Tenant tenant) {
		if (!root.has("dicomInstances")) {
			return;
		}
		for (JsonNode node : array(root, "dicomInstances")) {
			if (!node.path("metadata").isObject() || !node.path("sequence").canConvertToLong()) {
				throw new IllegalArgumentException("an entry of \"dicomInstances\" has no sequence or metadata");
			}
			Instant timestamp;
			try {
				timestamp = Instant.parse(required(node, "timestamp"));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("an entry of \"dicomInstances\" has an invalid timestamp");
			}
			tenant.dicomInstances().add(new StoredDicomInstance(required(node, "serviceId"),
					node.path("sequence").asLong(), timestamp, (ObjectNode) node.path("metadata").deepCopy()));
		}
	}

	private static JsonNode array(JsonNode root, String field) {
		JsonNode array = root.path(field);
		if (!array.isArray()) {
			throw new IllegalArgumentException("\"" + field + "\" is missing or not an array");
		}
		return array;
	}

	private static void requireId(JsonNode object, String collection) {
		if (!object.isObject() || Json.text(object, "id") == null) {
			throw new IllegalArgumentException("an entry of \"" + collection + "\" has no id");
		}
	}

	private static String required(JsonNode node, String field) {
		String value = Json.text(node, field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("\"" + field + "\" is missing");
		}
		return value;
	}

	// ---- The TLS identity (a CA and its server certificate), kept so that clients keep trusting the sandbox.

	private static void tlsToJson(Tenant tenant, ObjectNode root) {
		io.dicomreg.sandbox.crypto.TlsIdentity tls = tenant.tls();
		if (tls == null) {
			return;
		}
		ObjectNode node = root.putObject("tls");
		node.put("caCertificate", io.dicomreg.sandbox.crypto.TlsIdentity.certificateText(tls.caCertificate()));
		node.put("caKey", io.dicomreg.sandbox.crypto.TlsIdentity.keyText(tls.caKey()));
		node.put("serverCertificate", io.dicomreg.sandbox.crypto.TlsIdentity.certificateText(tls.serverCertificate()));
		node.put("serverKey", io.dicomreg.sandbox.crypto.TlsIdentity.keyText(tls.serverKey()));
	}

	/** Reads the TLS identity; a state file of an earlier dicomreg gets a new one, saved at once. */
	private static void tlsFromJson(JsonNode root, Tenant tenant) {
		JsonNode node = root.path("tls");
		if (node.isObject()) {
			tenant.setTls(io.dicomreg.sandbox.crypto.TlsIdentity.of(required(node, "caCertificate"), required(node, "caKey"),
					required(node, "serverCertificate"), required(node, "serverKey")));
		}
		else {
			tenant.setTls(io.dicomreg.sandbox.crypto.TlsIdentity.generate(java.time.Instant.now()));
			tenant.markUpgraded();
		}
	}

}
