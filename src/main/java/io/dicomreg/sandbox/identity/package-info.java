/**
 * Emulation of Entra ID sign-in (the Microsoft identity platform v2.0 endpoints): discovery, device code,
 * authorization code with PKCE, refresh tokens and client credentials.
 */
package io.dicomreg.sandbox.identity;
