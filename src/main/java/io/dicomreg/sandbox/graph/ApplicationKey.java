package io.dicomreg.sandbox.graph;

import java.util.Optional;

import io.dicomreg.sandbox.directory.StoredApplication;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * How a request names one application: by object id, by appId, or by uniqueName.
 *
 * @param property id, appId or uniqueName
 * @param value the value
 */
record ApplicationKey(String property, String value) {

	Optional<StoredApplication> find(Tenant tenant) {
		return switch (this.property) {
			case "appId" -> tenant.applicationByAppId(this.value);
			case "uniqueName" -> tenant.applicationByUniqueName(this.value);
			default -> checkedId().flatMap(tenant::application);
		};
	}

	StoredApplication require(Tenant tenant) {
		return find(tenant).orElseThrow(() -> GraphError.notFound(this.value));
	}

	private Optional<String> checkedId() {
		if (!SchemaValidator.GUID.matcher(this.value).matches()) {
			throw GraphError.invalidObjectIdentifier(this.value);
		}
		return Optional.of(this.value);
	}

}
