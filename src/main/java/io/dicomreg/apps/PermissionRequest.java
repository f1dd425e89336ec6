package io.dicomreg.apps;

import java.util.List;
import java.util.stream.Stream;

import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Subject;

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
			throw DicomregException.invalid(Subject.API,
					" is required: give the API's application ID or display name (Tab completes names).");
		}
		resourceApp = resourceApp.strip();
		scopes = names(PermissionType.DELEGATED, scopes);
		roles = names(PermissionType.APPLICATION, roles);
		if (scopes.isEmpty() && roles.isEmpty()) {
			throw DicomregException.invalidInput(
					"Give at least one permission: a delegated permission (--scope NAME) or an application permission "
							+ "(--role NAME).");
		}
	}

	/** A request for delegated permissions only. */
	public static PermissionRequest scopes(String resourceApp, List<String> scopes) {
		return new PermissionRequest(resourceApp, scopes, List.of());
	}

	/**
	 * One permission name of this type, stripped.
	 * @throws DicomregException (usage) when it is blank or an id
	 */
	public static String permissionName(PermissionType type, String value) {
		Subject subject = subjectOf(type);
		if (value == null || value.isBlank()) {
			throw DicomregException.invalid(subject, " needs a permission name, e.g. " + DicomApi.SCOPE + ".");
		}
		String name = value.strip();
		requireName(type, name);
		return name;
	}

	/** The thing a permission name of this type is, for errors. */
	static Subject subjectOf(PermissionType type) {
		return (type == PermissionType.DELEGATED) ? Subject.DELEGATED_PERMISSION : Subject.APPLICATION_PERMISSION;
	}

	/**
	 * The names given, stripped and without repeats; ids are taken here (an API not in the tenant is
	 * known by its permissions' ids only) and refused where names are needed.
	 */
	private static List<String> names(PermissionType type, List<String> values) {
		return Stream.ofNullable(values).flatMap(List::stream).map(value -> {
			if (value == null || value.isBlank()) {
				throw DicomregException.invalid(subjectOf(type), " needs a permission name, e.g. " + DicomApi.SCOPE + ".");
			}
			return value.strip();
		}).distinct().toList();
	}

	/** Refuses an id where a name is needed. */
	static void requireName(PermissionType type, String name) {
		if (Guids.isGuid(name)) {
			throw DicomregException.invalid(subjectOf(type), " '" + name
					+ "' is an id: give the permission's name instead (its value, e.g. " + DicomApi.SCOPE
					+ " or User.Read); Tab completes the names the API offers.");
		}
	}

}
