package io.dicomreg.sandbox.dicom;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DICOM attributes the sandbox knows by keyword: those its search filters on and returns, those the seeded
 * studies carry, and those the store response writes. Other attributes are named by their tag only.
 *
 * @param tag the tag as eight upper-case hex digits, the DICOM JSON key ({@code 0020000D})
 * @param keyword the DICOM keyword ({@code StudyInstanceUID})
 * @param vr the value representation
 * @param level the level it belongs to in search answers
 */
record DicomTag(String tag, String keyword, String vr, Level level) {

	/** The level of the information model an attribute belongs to. */
	enum Level {
		STUDY, SERIES, INSTANCE
	}

	static final DicomTag SPECIFIC_CHARACTER_SET = new DicomTag("00080005", "SpecificCharacterSet", "CS", Level.STUDY);

	static final DicomTag SOP_CLASS_UID = new DicomTag("00080016", "SOPClassUID", "UI", Level.INSTANCE);

	static final DicomTag SOP_INSTANCE_UID = new DicomTag("00080018", "SOPInstanceUID", "UI", Level.INSTANCE);

	static final DicomTag STUDY_DATE = new DicomTag("00080020", "StudyDate", "DA", Level.STUDY);

	static final DicomTag SERIES_DATE = new DicomTag("00080021", "SeriesDate", "DA", Level.SERIES);

	static final DicomTag STUDY_TIME = new DicomTag("00080030", "StudyTime", "TM", Level.STUDY);

	static final DicomTag SERIES_TIME = new DicomTag("00080031", "SeriesTime", "TM", Level.SERIES);

	static final DicomTag ACCESSION_NUMBER = new DicomTag("00080050", "AccessionNumber", "SH", Level.STUDY);

	static final DicomTag INSTANCE_AVAILABILITY = new DicomTag("00080056", "InstanceAvailability", "CS",
			Level.INSTANCE);

	static final DicomTag MODALITY = new DicomTag("00080060", "Modality", "CS", Level.SERIES);

	static final DicomTag MODALITIES_IN_STUDY = new DicomTag("00080061", "ModalitiesInStudy", "CS", Level.STUDY);

	static final DicomTag MANUFACTURER = new DicomTag("00080070", "Manufacturer", "LO", Level.SERIES);

	static final DicomTag REFERRING_PHYSICIAN_NAME = new DicomTag("00080090", "ReferringPhysicianName", "PN",
			Level.STUDY);

	static final DicomTag TIMEZONE_OFFSET_FROM_UTC = new DicomTag("00080201", "TimezoneOffsetFromUTC", "SH",
			Level.STUDY);

	static final DicomTag STUDY_DESCRIPTION = new DicomTag("00081030", "StudyDescription", "LO", Level.STUDY);

	static final DicomTag SERIES_DESCRIPTION = new DicomTag("0008103E", "SeriesDescription", "LO", Level.SERIES);

	static final DicomTag MANUFACTURER_MODEL_NAME = new DicomTag("00081090", "ManufacturerModelName", "LO",
			Level.SERIES);

	static final DicomTag REFERENCED_SOP_CLASS_UID = new DicomTag("00081150", "ReferencedSOPClassUID", "UI",
			Level.INSTANCE);

	static final DicomTag REFERENCED_SOP_INSTANCE_UID = new DicomTag("00081155", "ReferencedSOPInstanceUID", "UI",
			Level.INSTANCE);

	static final DicomTag RETRIEVE_URL = new DicomTag("00081190", "RetrieveURL", "UR", Level.INSTANCE);

	static final DicomTag FAILURE_REASON = new DicomTag("00081197", "FailureReason", "US", Level.INSTANCE);

	static final DicomTag FAILED_SOP_SEQUENCE = new DicomTag("00081198", "FailedSOPSequence", "SQ", Level.INSTANCE);

	static final DicomTag REFERENCED_SOP_SEQUENCE = new DicomTag("00081199", "ReferencedSOPSequence", "SQ",
			Level.INSTANCE);

	static final DicomTag PATIENT_NAME = new DicomTag("00100010", "PatientName", "PN", Level.STUDY);

	static final DicomTag PATIENT_ID = new DicomTag("00100020", "PatientID", "LO", Level.STUDY);

	static final DicomTag PATIENT_BIRTH_DATE = new DicomTag("00100030", "PatientBirthDate", "DA", Level.STUDY);

	static final DicomTag PATIENT_SEX = new DicomTag("00100040", "PatientSex", "CS", Level.STUDY);

	static final DicomTag PATIENT_AGE = new DicomTag("00101010", "PatientAge", "AS", Level.STUDY);

	static final DicomTag BODY_PART_EXAMINED = new DicomTag("00180015", "BodyPartExamined", "CS", Level.SERIES);

	static final DicomTag STUDY_INSTANCE_UID = new DicomTag("0020000D", "StudyInstanceUID", "UI", Level.STUDY);

	static final DicomTag SERIES_INSTANCE_UID = new DicomTag("0020000E", "SeriesInstanceUID", "UI", Level.SERIES);

	static final DicomTag STUDY_ID = new DicomTag("00200010", "StudyID", "SH", Level.STUDY);

	static final DicomTag SERIES_NUMBER = new DicomTag("00200011", "SeriesNumber", "IS", Level.SERIES);

	static final DicomTag INSTANCE_NUMBER = new DicomTag("00200013", "InstanceNumber", "IS", Level.INSTANCE);

	static final DicomTag LATERALITY = new DicomTag("00200060", "Laterality", "CS", Level.SERIES);

	static final DicomTag NUMBER_OF_STUDY_RELATED_SERIES = new DicomTag("00201206", "NumberOfStudyRelatedSeries",
			"IS", Level.STUDY);

	static final DicomTag NUMBER_OF_STUDY_RELATED_INSTANCES = new DicomTag("00201208",
			"NumberOfStudyRelatedInstances", "IS", Level.STUDY);

	static final DicomTag NUMBER_OF_SERIES_RELATED_INSTANCES = new DicomTag("00201209",
			"NumberOfSeriesRelatedInstances", "IS", Level.SERIES);

	static final DicomTag SAMPLES_PER_PIXEL = new DicomTag("00280002", "SamplesPerPixel", "US", Level.INSTANCE);

	static final DicomTag PHOTOMETRIC_INTERPRETATION = new DicomTag("00280004", "PhotometricInterpretation", "CS",
			Level.INSTANCE);

	static final DicomTag NUMBER_OF_FRAMES = new DicomTag("00280008", "NumberOfFrames", "IS", Level.INSTANCE);

	static final DicomTag ROWS = new DicomTag("00280010", "Rows", "US", Level.INSTANCE);

	static final DicomTag COLUMNS = new DicomTag("00280011", "Columns", "US", Level.INSTANCE);

	static final DicomTag BITS_ALLOCATED = new DicomTag("00280100", "BitsAllocated", "US", Level.INSTANCE);

	static final DicomTag PERFORMED_PROCEDURE_STEP_START_DATE = new DicomTag("00400244",
			"PerformedProcedureStepStartDate", "DA", Level.SERIES);

	static final DicomTag PERFORMED_PROCEDURE_STEP_START_TIME = new DicomTag("00400245",
			"PerformedProcedureStepStartTime", "TM", Level.SERIES);

	static final DicomTag TRANSFER_SYNTAX_UID = new DicomTag("00020010", "TransferSyntaxUID", "UI", Level.INSTANCE);

	static final List<DicomTag> ALL = List.of(SPECIFIC_CHARACTER_SET, SOP_CLASS_UID, SOP_INSTANCE_UID, STUDY_DATE,
			SERIES_DATE, STUDY_TIME, SERIES_TIME, ACCESSION_NUMBER, INSTANCE_AVAILABILITY, MODALITY,
			MODALITIES_IN_STUDY, MANUFACTURER, REFERRING_PHYSICIAN_NAME, TIMEZONE_OFFSET_FROM_UTC, STUDY_DESCRIPTION,
			SERIES_DESCRIPTION, MANUFACTURER_MODEL_NAME, REFERENCED_SOP_CLASS_UID, REFERENCED_SOP_INSTANCE_UID,
			RETRIEVE_URL, FAILURE_REASON, FAILED_SOP_SEQUENCE, REFERENCED_SOP_SEQUENCE, PATIENT_NAME, PATIENT_ID,
			PATIENT_BIRTH_DATE, PATIENT_SEX, PATIENT_AGE, BODY_PART_EXAMINED, STUDY_INSTANCE_UID, SERIES_INSTANCE_UID,
			STUDY_ID, SERIES_NUMBER, INSTANCE_NUMBER, LATERALITY, NUMBER_OF_STUDY_RELATED_SERIES,
			NUMBER_OF_STUDY_RELATED_INSTANCES, NUMBER_OF_SERIES_RELATED_INSTANCES, SAMPLES_PER_PIXEL,
			PHOTOMETRIC_INTERPRETATION, NUMBER_OF_FRAMES, ROWS, COLUMNS, BITS_ALLOCATED,
			PERFORMED_PROCEDURE_STEP_START_DATE, PERFORMED_PROCEDURE_STEP_START_TIME, TRANSFER_SYNTAX_UID);

	/**
	 * Finds an attribute by keyword (case-sensitive, as DICOM keywords are) or by its eight hex digit tag.
	 * @param attributeId e.g. PatientID or 00100020
	 * @return the attribute; one named by an unknown tag gets VR UN and instance level
	 */
	static Optional<DicomTag> parse(String attributeId) {
		for (DicomTag tag : ALL) {
			if (tag.keyword.equals(attributeId) || tag.tag.equalsIgnoreCase(attributeId)) {
				return Optional.of(tag);
			}
		}
		if (attributeId.matches("[0-9A-Fa-f]{8}")) {
			return Optional.of(new DicomTag(attributeId.toUpperCase(Locale.ROOT), attributeId, "UN", Level.INSTANCE));
		}
		return Optional.empty();
	}

	/**
	 * Finds a known attribute by tag.
	 * @param tag eight hex digits
	 * @return the attribute
	 */
	static Optional<DicomTag> byTag(String tag) {
		return ALL.stream().filter((t) -> t.tag.equalsIgnoreCase(tag)).findFirst();
	}

}
