package io.dicomreg.apps.credentials;

import java.util.UUID;

import io.dicomreg.apps.AppRef;

/**
 * A client secret removed from an application.
 *
 * @param app the application
 * @param keyId the key ID asked for
 * @param secret the secret removed, {@code null} when the application had none with that key ID
 * @param changed {@code true}: a secret was removed
 */
public record RemovedSecret(AppRef app, UUID keyId, ClientSecret secret, boolean changed) {
}
