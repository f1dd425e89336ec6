/**
 * Emulation of the DICOMweb API of the DICOM service of Azure Health Data Services (the open-source
 * microsoft/dicom-server behind it), served under each DICOM service's URL: its routes and API versions, bearer
 * token validation and 401 challenge, Azure RBAC data actions with a propagation delay, seeded studies, search
 * (QIDO-RS), metadata (WADO-RS), the change feed and a small store (STOW-RS).
 */
package io.dicomreg.sandbox.dicom;
