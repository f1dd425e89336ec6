/**
 * The signed-in context: MSAL sign-in flows, the token cache, sessions and service principal
 * credentials.
 */
package io.dicomreg.auth;
