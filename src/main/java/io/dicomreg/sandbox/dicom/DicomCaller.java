package io.dicomreg.sandbox.dicom;

/**
 * Who a DICOMweb request comes from, after its token was validated.
 *
 * @param objectId the token's {@code oid}: a user's or a service principal's object id, or null when it has none
 * @param tenantId the tenant
 */
record DicomCaller(String objectId, String tenantId) {

}
