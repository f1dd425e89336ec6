package io.dicomreg.apps.credentials;

import io.dicomreg.apps.AppRef;

/**
 * A client secret removed from an application.
 *
 * @param app the application
 * @param secret the secret removed
 * @param changed {@code true}: a secret was removed
 */
public record RemovedSecret(AppRef app, ClientSecret secret, boolean changed) {
}
