/**
 * The sandbox tenant: an in-process HTTPS emulation of Entra ID sign-in and Microsoft Graph v1.0 on 127.0.0.1,
 * used by {@code dicomreg --sandbox} and by the integration tests.
 */
package io.dicomreg.sandbox;
