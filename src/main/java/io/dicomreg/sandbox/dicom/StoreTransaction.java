package io.dicomreg.sandbox.dicom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.arm.DataActions;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.directory.StoredDicomInstance;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * STOW-RS ({@code POST studies[/{study}]}) of {@code multipart/related; type="application/dicom"} or a single
 * {@code application/dicom} body: the Accept header (406), the write right (403, so a DICOM Data Reader is refused),
 * then each instance is read, checked and kept in the state file (its attributes, not its pixels) and added to the
 * change feed. The answer is the server's DICOM JSON: ReferencedSOPSequence for what was stored, FailedSOPSequence
 * with a FailureReason for the rest (272 unreadable, 43264 missing or invalid UIDs or another study than the URL's,
 * 45070 already stored); 200 when all were stored, 202 when some were, 409 when none was, 204 for no instance.
 */
final class StoreTransaction {

	/** The media types the store accepts, checked before authentication as the route's constraint. */
	static final Set<String> CONSUMES = Set.of("application/dicom", "multipart/related");

	static final int PROCESSING_FAILURE = 272;

	static final int VALIDATION_FAILURE = 43264;

	static final int SOP_INSTANCE_ALREADY_EXISTS = 45070;

	private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

	private StoreTransaction() {
	}

	static SandboxResponse store(DicomCall call) {
		call.requireAccept(List.of("application/dicom+json"));
		call.require(DataActions.DICOM_WRITE);
		String requiredStudy = call.route().study();
		MetadataRetrieve.checkUid(requiredStudy, "StudyInstanceUid");
		List<byte[]> files = files(call);
		List<ObjectNode> stored = new ArrayList<>();
		List<ObjectNode> failed = new ArrayList<>();
		String base = call.versionedBaseUrl();
		for (byte[] file : files) {
			ObjectNode metadata;
			try {
				metadata = Part10Reader.read(file);
			}
			catch (IllegalArgumentException ex) {
				failed.add(failure(null, PROCESSING_FAILURE));
				continue;
			}
			if (!valid(metadata, requiredStudy)) {
				failed.add(failure(metadata, VALIDATION_FAILURE));
				continue;
			}
			boolean added = call.context().store().write((tenant) -> {
				List<DicomInstance> existing = DicomData.instances(tenant, call.service());
				boolean exists = existing.stream()
					.anyMatch((i) -> i.studyInstanceUid().equals(DicomJson.first(metadata, DicomTag.STUDY_INSTANCE_UID))
							&& i.seriesInstanceUid().equals(DicomJson.first(metadata, DicomTag.SERIES_INSTANCE_UID))
							&& i.sopInstanceUid().equals(DicomJson.first(metadata, DicomTag.SOP_INSTANCE_UID)));
				if (exists) {
					return false;
				}
				Instant now = call.context().clock().instant();
				tenant.dicomInstances().add(new StoredDicomInstance(call.service().id(),
						DicomData.nextSequence(tenant, call.service()), now, metadata));
				return true;
			});
			if (added) {
				stored.add(success(metadata, base));
			}
			else {
				failed.add(failure(metadata, SOP_INSTANCE_ALREADY_EXISTS));
			}
		}
		return answer(stored, failed, requiredStudy, base);
	}

	/** The DICOM files of the body; 415 with the server's text for a part of another type. */
	private static List<byte[]> files(DicomCall call) {
		MediaType contentType = MediaType.parse(call.request().header("Content-Type"));
		if (contentType.type().equals("application/dicom")) {
			return (call.request().body().length == 0) ? List.of() : List.of(call.request().body());
		}
		String type = contentType.parameter("type");
		if (type != null && !MediaType.parse(type).type().equals("application/dicom")) {
			throw new DicomError(415, "The specified content type '" + type + "' is not supported.");
		}
		List<MultipartRelated.Part> parts;
		try {
			parts = MultipartRelated.parts(call.request().body(), contentType.parameter("boundary"));
		}
		catch (IllegalArgumentException ex) {
			throw DicomError.badRequest("The request body is not a valid multipart/related body: " + ex.getMessage()
					+ ".");
		}
		List<byte[]> files = new ArrayList<>();
		for (MultipartRelated.Part part : parts) {
			String partType = (part.contentType() != null) ? part.contentType() : type;
			if (partType == null || !MediaType.parse(partType).type().equals("application/dicom")) {
				throw new DicomError(415, "The specified content type '" + partType + "' is not supported.");
			}
			files.add(part.content());
		}
		return files;
	}

	private static boolean valid(ObjectNode metadata, String requiredStudy) {
		for (DicomTag tag : List.of(DicomTag.SOP_CLASS_UID, DicomTag.STUDY_INSTANCE_UID, DicomTag.SERIES_INSTANCE_UID,
				DicomTag.SOP_INSTANCE_UID)) {
			String value = DicomJson.first(metadata, tag);
			if (value == null || value.length() > 64 || !UID.matcher(value).matches()) {
				return false;
			}
		}
		String study = DicomJson.first(metadata, DicomTag.STUDY_INSTANCE_UID);
		return requiredStudy == null || requiredStudy.strip().equalsIgnoreCase(study);
	}

	private static ObjectNode success(ObjectNode metadata, String base) {
		ObjectNode item = Json.object();
		DicomJson.put(item, DicomTag.REFERENCED_SOP_CLASS_UID, DicomJson.first(metadata, DicomTag.SOP_CLASS_UID));
		DicomJson.put(item, DicomTag.REFERENCED_SOP_INSTANCE_UID, DicomJson.first(metadata, DicomTag.SOP_INSTANCE_UID));
		DicomJson.put(item, DicomTag.RETRIEVE_URL, base + "/studies/" + DicomJson.first(metadata, DicomTag.STUDY_INSTANCE_UID)
				+ "/series/" + DicomJson.first(metadata, DicomTag.SERIES_INSTANCE_UID) + "/instances/"
				+ DicomJson.first(metadata, DicomTag.SOP_INSTANCE_UID));
		return DicomJson.sorted(item);
	}

	private static ObjectNode failure(ObjectNode metadata, int reason) {
		ObjectNode item = Json.object();
		DicomJson.put(item, DicomTag.FAILURE_REASON, Integer.toString(reason));
		String sopInstance = (metadata != null) ? DicomJson.first(metadata, DicomTag.SOP_INSTANCE_UID) : null;
		String sopClass = (metadata != null) ? DicomJson.first(metadata, DicomTag.SOP_CLASS_UID) : null;
		if (sopInstance != null) {
			DicomJson.put(item, DicomTag.REFERENCED_SOP_INSTANCE_UID, sopInstance);
		}
		if (sopClass != null) {
			DicomJson.put(item, DicomTag.REFERENCED_SOP_CLASS_UID, sopClass);
		}
		return DicomJson.sorted(item);
	}

	private static SandboxResponse answer(List<ObjectNode> stored, List<ObjectNode> failed, String requiredStudy,
			String base) {
		if (stored.isEmpty() && failed.isEmpty()) {
			return SandboxResponse.noContent();
		}
		ObjectNode body = Json.object();
		if (!stored.isEmpty()) {
			DicomJson.putSequence(body, DicomTag.REFERENCED_SOP_SEQUENCE, stored);
			if (requiredStudy != null) {
				DicomJson.put(body, DicomTag.RETRIEVE_URL, base + "/studies/" + requiredStudy);
			}
		}
		if (!failed.isEmpty()) {
			DicomJson.putSequence(body, DicomTag.FAILED_SOP_SEQUENCE, failed);
		}
		int status = stored.isEmpty() ? 409 : failed.isEmpty() ? 200 : 202;
		return DicomResponses.json(status, DicomJson.sorted(body), DicomResponses.DICOM_JSON);
	}

}
