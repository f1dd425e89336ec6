package io.dicomreg.sandbox.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.StoredDicomInstance;
import io.dicomreg.sandbox.directory.Tenant;

/**
 * What a DICOM service holds: its seeded instances and those clients stored, in change feed order.
 */
final class DicomData {

	private DicomData() {
	}

	/**
	 * Every instance of a service.
	 * @param tenant the tenant
	 * @param service the DICOM service
	 * @return the instances, by sequence
	 */
	static List<DicomInstance> instances(Tenant tenant, DicomService service) {
		List<DicomInstance> instances = new ArrayList<>(SeededStudies.instances(service));
		for (StoredDicomInstance stored : tenant.dicomInstances()) {
			if (stored.belongsTo(service)) {
				instances.add(new DicomInstance(stored.sequence(), stored.timestamp(), stored.metadata()));
			}
		}
		instances.sort(Comparator.comparingLong(DicomInstance::sequence));
		return instances;
	}

	/**
	 * The sequence number the next stored instance of a service gets.
	 * @param tenant the tenant
	 * @param service the DICOM service
	 * @return one more than the highest so far
	 */
	static long nextSequence(Tenant tenant, DicomService service) {
		return instances(tenant, service).stream().mapToLong(DicomInstance::sequence).max().orElse(0) + 1;
	}

}
