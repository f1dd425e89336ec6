package io.dicomreg.sandbox.dicom;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.dicomreg.sandbox.arm.DataActions;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * WADO-RS metadata of a study, a series or an instance: the Accept header (406), the read right (403), the UIDs
 * (400), then 200 with a DICOM JSON array of every instance's attributes, or 404 with the server's text.
 */
final class MetadataRetrieve {

	private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

	private MetadataRetrieve() {
	}

	static SandboxResponse retrieve(DicomCall call) {
		call.requireAccept(List.of("application/dicom+json"));
		call.require(DataActions.DICOM_READ);
		DicomRoute route = call.route();
		checkUid(route.study(), "StudyInstanceUid");
		checkUid(route.series(), "SeriesInstanceUid");
		checkUid(route.instance(), "SopInstanceUid");
		List<DicomInstance> instances = call.context().store()
			.read((tenant) -> DicomData.instances(tenant, call.service()))
			.stream()
			.filter((i) -> route.study().equals(i.studyInstanceUid()))
			.filter((i) -> route.series() == null || route.series().equals(i.seriesInstanceUid()))
			.filter((i) -> route.instance() == null || route.instance().equals(i.sopInstanceUid()))
			.toList();
		if (instances.isEmpty()) {
			String what = (route.instance() != null) ? "instance" : (route.series() != null) ? "series" : "study";
			throw DicomError.notFound("The specified " + what + " cannot be found.");
		}
		ArrayNode body = Json.array();
		instances.forEach((instance) -> body.add(instance.metadata().deepCopy()));
		return DicomResponses.json(200, body, DicomResponses.DICOM_JSON);
	}

	static void checkUid(String uid, String name) {
		if (uid != null && (uid.length() > 64 || !UID.matcher(uid).matches())) {
			throw DicomError.badRequest("Dicom element '" + name + "' failed validation for VR 'UI': DICOM Identifier "
					+ "is invalid. Value length should not exceed the maximum length of 64 characters. Value should "
					+ "contain characters in '0'-'9' and '.'. Each component must start with non-zero number.");
		}
	}

}
