/**
 * Azure Resource Manager: the DICOM services an account can see, and Azure role assignments on them (tutorial step
 * 6), through ARM's REST API with tokens from the signed-in context.
 */
package io.dicomreg.azure;
