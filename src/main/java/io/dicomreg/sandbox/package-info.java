/**
 * The sandbox tenant: an in-process HTTPS emulation of Entra ID sign-in and Microsoft Graph v1.0 on 127.0.0.1,
 * used by {@code dicomreg --sandbox} and by the integration tests. {@link io.dicomreg.sandbox.Sandbox} and its
 * nested types are the only entry point for the rest of dicomreg; every other type here and in the sub-packages is
 * the sandbox's own.
 */
package io.dicomreg.sandbox;
