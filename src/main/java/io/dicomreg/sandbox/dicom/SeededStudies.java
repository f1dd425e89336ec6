package io.dicomreg.sandbox.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.Json;

/**
 * The studies every DICOM service of the sandbox holds from the start: two studies of two made-up patients, a CT
 * study with one series of two instances and an MR study with two series of two and one instance. Their UIDs are
 * derived from the service's ARM id ({@code 2.25.} and the decimal form of a name-based UUID), so that every server
 * on the same state file, and every restart, agrees on them without storing them; two services never share one.
 * They are the first five entries of the service's change feed, stored at fixed instants in 2024.
 */
public final class SeededStudies {

	/** CT Image Storage. */
	static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	/** MR Image Storage. */
	static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

	/** How many instances are seeded; stored instances continue the change feed after them. */
	static final int INSTANCE_COUNT = 5;

	private SeededStudies() {
	}

	/**
	 * The StudyInstanceUIDs of a service's seeded studies, the CT study first.
	 * @param service the DICOM service
	 * @return two UIDs
	 */
	public static List<String> studyInstanceUids(DicomService service) {
		return List.of(uid(service, "study/1"), uid(service, "study/2"));
	}

	/**
	 * The metadata of a service's seeded instances, in change feed order.
	 * @param service the DICOM service
	 * @return five DICOM JSON objects (copies)
	 */
	public static List<ObjectNode> metadata(DicomService service) {
		return instances(service).stream().map((instance) -> instance.metadata().deepCopy()).toList();
	}

	/**
	 * The seeded instances of a service.
	 * @param service the DICOM service
	 * @return five instances, sequence 1 to 5
	 */
	static List<DicomInstance> instances(DicomService service) {
		List<DicomInstance> instances = new ArrayList<>();
		ObjectNode ct = study(service, 1, "Doe^Jane", "SBX-0001", "19700101", "F", "054Y", "20240115", "093000",
				"CT CHEST WITH CONTRAST", "ACC-0001", "Smith^John");
		ObjectNode mr = study(service, 2, "Roe^Richard", "SBX-0002", "19821123", "M", "041Y", "20240302", "141500",
				"MR BRAIN WITHOUT CONTRAST", "ACC-0002", "Jones^Ann");
		ObjectNode axial = series(service, 1, "CT", "1", "AXIAL 5MM", "CHEST", "20240115", "093500");
		ObjectNode t1 = series(service, 2, "MR", "1", "AX T1", "BRAIN", "20240302", "142000");
		ObjectNode flair = series(service, 3, "MR", "2", "AX T2 FLAIR", "BRAIN", "20240302", "142500");
		Instant ctStored = Instant.parse("2024-01-15T09:40:00Z");
		Instant mrStored = Instant.parse("2024-03-02T14:30:00Z");
		instances.add(instance(service, 1, ct, axial, 1, CT_IMAGE_STORAGE, 512, ctStored));
		instances.add(instance(service, 2, ct, axial, 2, CT_IMAGE_STORAGE, 512, ctStored.plusSeconds(1)));
		instances.add(instance(service, 3, mr, t1, 1, MR_IMAGE_STORAGE, 256, mrStored));
		instances.add(instance(service, 4, mr, t1, 2, MR_IMAGE_STORAGE, 256, mrStored.plusSeconds(1)));
		instances.add(instance(service, 5, mr, flair, 1, MR_IMAGE_STORAGE, 256, mrStored.plusSeconds(2)));
		return instances;
	}

	private static ObjectNode study(DicomService service, int number, String patientName, String patientId,
			String birthDate, String sex, String age, String studyDate, String studyTime, String description,
			String accessionNumber, String referringPhysician) {
		ObjectNode study = Json.object();
		DicomJson.put(study, DicomTag.SPECIFIC_CHARACTER_SET, "ISO_IR 100");
		DicomJson.put(study, DicomTag.STUDY_INSTANCE_UID, uid(service, "study/" + number));
		DicomJson.put(study, DicomTag.STUDY_DATE, studyDate);
		DicomJson.put(study, DicomTag.STUDY_TIME, studyTime);
		DicomJson.put(study, DicomTag.STUDY_DESCRIPTION, description);
		DicomJson.put(study, DicomTag.ACCESSION_NUMBER, accessionNumber);
		DicomJson.put(study, DicomTag.REFERRING_PHYSICIAN_NAME, referringPhysician);
		DicomJson.put(study, DicomTag.STUDY_ID, Integer.toString(number));
		DicomJson.put(study, DicomTag.PATIENT_NAME, patientName);
		DicomJson.put(study, DicomTag.PATIENT_ID, patientId);
		DicomJson.put(study, DicomTag.PATIENT_BIRTH_DATE, birthDate);
		DicomJson.put(study, DicomTag.PATIENT_SEX, sex);
		DicomJson.put(study, DicomTag.PATIENT_AGE, age);
		return study;
	}

	private static ObjectNode series(DicomService service, int number, String modality, String seriesNumber,
			String description, String bodyPart, String date, String time) {
		ObjectNode series = Json.object();
		DicomJson.put(series, DicomTag.SERIES_INSTANCE_UID, uid(service, "series/" + number));
		DicomJson.put(series, DicomTag.MODALITY, modality);
		DicomJson.put(series, DicomTag.SERIES_NUMBER, seriesNumber);
		DicomJson.put(series, DicomTag.SERIES_DESCRIPTION, description);
		DicomJson.put(series, DicomTag.BODY_PART_EXAMINED, bodyPart);
		DicomJson.put(series, DicomTag.SERIES_DATE, date);
		DicomJson.put(series, DicomTag.SERIES_TIME, time);
		DicomJson.put(series, DicomTag.PERFORMED_PROCEDURE_STEP_START_DATE, date);
		DicomJson.put(series, DicomTag.PERFORMED_PROCEDURE_STEP_START_TIME, time);
		DicomJson.put(series, DicomTag.MANUFACTURER, "Contoso Imaging");
		DicomJson.put(series, DicomTag.MANUFACTURER_MODEL_NAME, "CT".equals(modality) ? "Sandbox CT 64" : "Sandbox MR 3T");
		return series;
	}

	private static DicomInstance instance(DicomService service, int sequence, ObjectNode study, ObjectNode series,
			int instanceNumber, String sopClass, int size, Instant stored) {
		ObjectNode metadata = Json.object();
		metadata.setAll(study);
		metadata.setAll(series);
		DicomJson.put(metadata, DicomTag.SOP_CLASS_UID, sopClass);
		DicomJson.put(metadata, DicomTag.SOP_INSTANCE_UID, uid(service, "instance/" + sequence));
		DicomJson.put(metadata, DicomTag.INSTANCE_NUMBER, Integer.toString(instanceNumber));
		DicomJson.put(metadata, DicomTag.SAMPLES_PER_PIXEL, "1");
		DicomJson.put(metadata, DicomTag.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2");
		DicomJson.put(metadata, DicomTag.ROWS, Integer.toString(size));
		DicomJson.put(metadata, DicomTag.COLUMNS, Integer.toString(size));
		DicomJson.put(metadata, DicomTag.BITS_ALLOCATED, "16");
		return new DicomInstance(sequence, stored, DicomJson.sorted(metadata));
	}

	/** {@code 2.25.} and the decimal form of a UUID derived from the service and the purpose (DICOM PS3.5 B.2). */
	private static String uid(DicomService service, String purpose) {
		UUID uuid = UUID.nameUUIDFromBytes((service.id().toLowerCase(Locale.ROOT) + "/" + purpose)
			.getBytes(StandardCharsets.UTF_8));
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		return "2.25." + new BigInteger(1, bytes.array());
	}

}
