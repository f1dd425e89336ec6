package io.dicomreg.azure;

import java.util.List;

/**
 * What assigning or removing a DICOM role found and did.
 *
 * @param service the DICOM service
 * @param role the role
 * @param assignee who it is for
 * @param assignments the assignments of that role to that principal reaching the service, after the run
 * @param changed whether Azure changed
 * @param note what happened, for people
 */
public record RoleChange(DicomService service, DicomRole role, Assignee assignee, List<RoleAssignment> assignments,
		boolean changed, String note) {

	public RoleChange {
		assignments = List.copyOf(assignments);
	}

}
