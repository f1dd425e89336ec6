package io.dicomreg.apps;

import java.util.List;
import java.util.stream.Stream;

import io.dicomreg.error.DicomregException;

/**
 * API permissions a user named for one resource application, checked before anything is sent:
 * names, never ids.
 *
 * @param resourceApp the resource application's Application ID or display name
 * @param scopes names of delegated permissions, without repeats
 * @param roles names of application permissions, without repeats
 */
public record PermissionRequest(String resourceApp, List<String> scopes, List<String> roles) {


	/**
	 * Checks and tidies the request.
	 * @throws DicomregException (usage) when the resource or every permission is missing, or a
	 * permission is blank or given as an id
	 */
	public PermissionRequest {
		if (resourceApp == null || resourceApp.isBlank()) {
			throw DicomregException.invalidInput(
					"--resource-app is required: give the API's application ID or display name (Tab completes names).");
		}
		resourceApp = resourceApp.strip();
		scopes = names("scope", scopes);
		roles = names("role", roles);
		if (scopes.isEmpty() && roles.isEmpty()) {
			throw DicomregException.invalidInput(
					"Give at least one --scope NAME (delegated permission) or --role NAME (application permission).");
		}
	}

	/** A request for delegated permissions only. */
	public static PermissionRequest scopes(String resourceApp, List<String> scopes) {
		return new PermissionRequest(resourceApp, scopes, List.of());
	}

	/**
	 * One permission name as given to {@code --option}, stripped.
	 * @throws DicomregException (usage) when it is blank or an id
	 */
	public static String permissionName(String option, String value) {
		if (value == null || value.isBlank()) {
			throw DicomregException.invalidInput("--" + option + " needs a permission name, e.g. " + DicomApi.SCOPE + ".");
		}
		String name = value.strip();
		if (Guids.isGuid(name)) {
			throw DicomregException.invalidInput("--" + option + " '" + name
					+ "' is an id: give the permission's name instead (its value, e.g. " + DicomApi.SCOPE
					+ " or User.Read); Tab completes the names the API offers.");
		}
		return name;
	}

	private static List<String> names(String option, List<String> values) {
		return Stream.ofNullable(values).flatMap(List::stream).map(value -> permissionName(option, value)).distinct()
			.toList();
	}

}
