package io.dicomreg.sandbox;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.dicom.SeededStudies;
import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.RoleAssignment;
import io.dicomreg.sandbox.directory.StoredDicomInstance;

/**
 * The DICOMweb side of a running sandbox for tests: where each DICOM service is served, the studies it is seeded
 * with, the instances clients stored, DICOM data roles made without ARM, and the role effect delay. Each call reads
 * the tenant afresh.
 */
public final class SandboxDicom {

	private final Sandbox sandbox;

	private final SandboxAzure azure;

	SandboxDicom(Sandbox sandbox, SandboxAzure azure) {
		this.sandbox = sandbox;
		this.azure = azure;
	}

	/**
	 * The provisioned DICOM service's URL on this server.
	 * @return e.g. https://127.0.0.1:PORT/dicom/contosohealth-dicom1
	 */
	public String serviceUrl() {
		return this.azure.serviceUrl(this.azure.dicomService());
	}

	/**
	 * The base URL of one API version of the provisioned service, what DICOMweb clients are given.
	 * @param version e.g. v2
	 * @return e.g. https://127.0.0.1:PORT/dicom/contosohealth-dicom1/v2
	 */
	public String baseUrl(String version) {
		return serviceUrl() + "/" + version;
	}

	/**
	 * The StudyInstanceUIDs the provisioned service is seeded with: the CT study (patient SBX-0001, Doe^Jane,
	 * 2024-01-15, one series of two instances), then the MR study (SBX-0002, Roe^Richard, 2024-03-02, two series of
	 * two and one instance).
	 * @return two UIDs
	 */
	public List<String> studyInstanceUids() {
		return studyInstanceUids(this.azure.dicomService());
	}

	/**
	 * The StudyInstanceUIDs a DICOM service is seeded with (derived from its ARM id).
	 * @param service the service
	 * @return two UIDs, CT study first
	 */
	public List<String> studyInstanceUids(DicomService service) {
		return SeededStudies.studyInstanceUids(service);
	}

	/**
	 * The metadata of a service's five seeded instances, in change feed order (sequence 1 to 5).
	 * @param service the service
	 * @return DICOM JSON objects
	 */
	public List<ObjectNode> seededInstances(DicomService service) {
		return SeededStudies.metadata(service);
	}

	/**
	 * The instances clients stored (STOW-RS) in any of the tenant's DICOM services.
	 * @return the instances, oldest first
	 */
	public List<StoredDicomInstance> storedInstances() {
		return this.sandbox.store().read((tenant) -> List.copyOf(tenant.dicomInstances()));
	}

	/**
	 * Assigns DICOM Data Owner at the provisioned service, created now by the sandbox's clock.
	 * @param principalId a user's or service principal's object id
	 * @param principalType User or ServicePrincipal
	 * @return the assignment
	 */
	public RoleAssignment assignDataOwner(String principalId, String principalType) {
		return this.azure.assignRole(principalId, principalType, SandboxDirectory.DICOM_DATA_OWNER_ROLE_ID,
				this.azure.dicomService().id());
	}

	/**
	 * Assigns DICOM Data Reader at the provisioned service, created now by the sandbox's clock.
	 * @param principalId a user's or service principal's object id
	 * @param principalType User or ServicePrincipal
	 * @return the assignment
	 */
	public RoleAssignment assignDataReader(String principalId, String principalType) {
		return this.azure.assignRole(principalId, principalType, SandboxDirectory.DICOM_DATA_READER_ROLE_ID,
				this.azure.dicomService().id());
	}

	/**
	 * Sets how long after its creation a role assignment takes effect on the data plane (the same as
	 * {@link Sandbox#setRoleEffectDelay(Duration)}).
	 * @param delay zero or more
	 */
	public void setRoleEffectDelay(Duration delay) {
		this.sandbox.setRoleEffectDelay(delay);
	}

	public Duration roleEffectDelay() {
		return this.sandbox.roleEffectDelay();
	}

}
