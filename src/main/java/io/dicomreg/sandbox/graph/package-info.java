/**
 * Emulation of the part of Microsoft Graph v1.0 that dicomreg uses: applications, service principals, delegated
 * permission grants, the organization and the signed-in user.
 */
package io.dicomreg.sandbox.graph;
