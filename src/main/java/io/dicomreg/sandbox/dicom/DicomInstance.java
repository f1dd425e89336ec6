package io.dicomreg.sandbox.dicom;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One instance of a DICOM service, seeded or stored: its entry in the change feed and its metadata.
 *
 * @param sequence its sequence number in the service's change feed, from 1
 * @param timestamp when it was stored
 * @param metadata its attributes as DICOM JSON
 */
record DicomInstance(long sequence, Instant timestamp, ObjectNode metadata) {

	String studyInstanceUid() {
		return DicomJson.first(this.metadata, DicomTag.STUDY_INSTANCE_UID);
	}

	String seriesInstanceUid() {
		return DicomJson.first(this.metadata, DicomTag.SERIES_INSTANCE_UID);
	}

	String sopInstanceUid() {
		return DicomJson.first(this.metadata, DicomTag.SOP_INSTANCE_UID);
	}

}
