package io.dicomreg.apps.credentials;

import java.util.List;

import io.dicomreg.apps.AppRef;

/**
 * The result of removing a certificate.
 *
 * @param app the application
 * @param selector the thumbprint or key ID asked for
 * @param removed the key credentials removed: one, or every one with the thumbprint given
 * @param remaining how many key credentials the application still has
 * @param changed {@code true}: something was removed
 */
public record RemovedCertificate(AppRef app, String selector, List<CertificateCredential> removed, int remaining, boolean changed) {
}
