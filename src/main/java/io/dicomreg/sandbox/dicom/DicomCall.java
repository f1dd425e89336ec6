package io.dicomreg.sandbox.dicom;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dicomreg.sandbox.arm.DataActions;
import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.http.SandboxRequest;

/**
 * One authenticated DICOMweb request: what it asks, of which service, in which version, by whom.
 *
 * @param request the request
 * @param context the endpoints' context
 * @param service the DICOM service the URL names
 * @param version the API version
 * @param route the route matched
 * @param caller the token's principal
 */
record DicomCall(SandboxRequest request, DicomContext context, DicomService service, DicomApiVersion version,
		DicomRoute route, DicomCaller caller) {

	/**
	 * The service URL with the version, as the request wrote it: what retrieve URLs start with.
	 * @return e.g. https://127.0.0.1:PORT/dicom/contosohealth-dicom1/v2
	 */
	String versionedBaseUrl() {
		String path = this.request.path();
		int serviceEnd = path.indexOf('/', DicomEndpoints.PATH_PREFIX.length());
		int versionEnd = path.indexOf('/', serviceEnd + 1);
		return this.context.baseUrl() + path.substring(0, (versionEnd < 0) ? path.length() : versionEnd);
	}

	/**
	 * A query parameter, its name compared ignoring case as ASP.NET model binding does.
	 * @param name e.g. limit
	 * @return the first value, or null
	 */
	String parameter(String name) {
		for (Map.Entry<String, String> entry : this.request.query().entrySet()) {
			if (entry.getKey().strip().equalsIgnoreCase(name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * Throws the service's 403 unless a data role of the caller, in effect by now, covers the service.
	 * @param dataAction {@link DataActions#DICOM_READ} or {@link DataActions#DICOM_WRITE}
	 * @throws DicomError 403 Authorization failed.
	 */
	void require(String dataAction) {
		String objectId = this.caller.objectId();
		if (objectId == null) {
			throw DicomError.forbidden();
		}
		Instant effectiveBy = this.context.clock().instant().minus(this.context.roleEffectDelay().get());
		boolean allowed = this.context.store()
			.read((tenant) -> DataActions.allows(tenant.azure(), objectId, dataAction, this.service.id(), effectiveBy));
		if (!allowed) {
			throw DicomError.forbidden();
		}
	}

	/**
	 * Throws 406 unless the Accept header admits one of the types, as the server's accept filter does: no Accept
	 * header is not acceptable; {@code *}{@code /*}, {@code application/*}, the type itself and its structured syntax
	 * suffix ({@code application/json} for {@code application/dicom+json}) are; parameters are ignored.
	 * @param types e.g. application/dicom+json
	 * @throws DicomError 406 with no body
	 */
	void requireAccept(List<String> types) {
		String accept = this.request.header("Accept");
		if (accept != null) {
			for (String range : accept.split(",")) {
				String media = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
				if (types.stream().anyMatch((type) -> accepts(media, type))) {
					return;
				}
			}
		}
		throw new DicomError(406, null);
	}

	private static boolean accepts(String range, String type) {
		if (range.equals("*/*") || range.equals(type)) {
			return true;
		}
		int slash = range.indexOf('/');
		if (slash < 0) {
			return false;
		}
		String rangeType = range.substring(0, slash);
		String rangeSubtype = range.substring(slash + 1);
		String typeType = type.substring(0, type.indexOf('/'));
		String typeSubtype = type.substring(type.indexOf('/') + 1);
		if (!rangeType.equals(typeType)) {
			return false;
		}
		int plus = typeSubtype.lastIndexOf('+');
		return rangeSubtype.equals("*") || (plus >= 0 && rangeSubtype.equals(typeSubtype.substring(plus + 1)));
	}

}
