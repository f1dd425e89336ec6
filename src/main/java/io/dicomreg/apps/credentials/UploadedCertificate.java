package io.dicomreg.apps.credentials;

import io.dicomreg.apps.AppRef;

/**
 * The result of uploading a certificate.
 *
 * @param app the application
 * @param certificate the key credential now on the application
 * @param changed {@code false} when a valid credential with the same thumbprint was already there
 * (nothing was written)
 */
public record UploadedCertificate(AppRef app, CertificateCredential certificate, boolean changed) {
}
