/**
 * dicomreg: an interactive shell that registers Entra ID client applications for the Azure
 * Health Data Services DICOM service.
 */
package io.dicomreg;
