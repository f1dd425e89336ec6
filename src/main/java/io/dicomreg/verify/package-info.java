/**
 * {@code verify}: whether a registered client can really read DICOM data, link by link (app, service principal,
 * credential, token, consent, role, the DICOM service's answer), with what fixes a broken link. Reads only.
 */
package io.dicomreg.verify;
