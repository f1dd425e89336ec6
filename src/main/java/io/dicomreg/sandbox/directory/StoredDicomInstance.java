package io.dicomreg.sandbox.directory;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A DICOM instance a client stored (STOW-RS) in one of the tenant's DICOM services: its place in the service's change
 * feed and its metadata as DICOM JSON. The pixel data is not kept.
 *
 * @param serviceId the DICOM service's ARM resource id ({@link DicomService#id()})
 * @param sequence its sequence number in the service's change feed
 * @param timestamp when it was stored
 * @param metadata its attributes as DICOM JSON, keyed by tag ({@code "0020000D"})
 */
public record StoredDicomInstance(String serviceId, long sequence, Instant timestamp, ObjectNode metadata) {

	/**
	 * Whether this instance belongs to a DICOM service (ARM ids compare ignoring case).
	 * @param service the DICOM service
	 * @return true when it was stored there
	 */
	public boolean belongsTo(DicomService service) {
		return this.serviceId.toLowerCase(Locale.ROOT).equals(service.id().toLowerCase(Locale.ROOT));
	}

}
