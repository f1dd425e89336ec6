/**
 * Certificate and key files as dicomreg reads them: PEM, DER and PFX in one reader, the validity of
 * a certificate, and passwords taken from environment variables. No Spring, no Graph or MSAL, and
 * no other dicomreg package but {@code error}: the services and sign-in both use it.
 */
package io.dicomreg.pki;
