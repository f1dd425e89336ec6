package io.dicomreg.verify;

import java.time.Duration;

import io.dicomreg.auth.CredentialSource;

/**
 * What {@code verify} checks.
 *
 * @param app the application (name, client ID or object ID), or {@code null} for the selected one
 * @param dicom the DICOM service: name, workspace/name, service URL or resource id
 * @param credential the app's secret or certificate to sign in with, or {@code null} with {@code asUser}
 * @param asUser check as a user of the app as a public client (delegated Dicom.ReadWrite, device code)
 * @param apiVersion v1 or v2
 * @param waitFor how long to keep asking while the DICOM service answers 403 (a role not yet effective), or zero
 */
public record VerifyRequest(String app, String dicom, CredentialSource credential, boolean asUser, String apiVersion,
		Duration waitFor) {
}
