/**
 * Emulation of the part of Azure Resource Manager that dicomreg uses: subscriptions and tenants, Health Data Services
 * workspaces and DICOM services, built-in role definitions and role assignments, with ARM's authentication,
 * api-version checks, authorization and error format.
 */
package io.dicomreg.sandbox.arm;
