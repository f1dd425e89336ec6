/**
 * {@code app export}: the files a client's tools read (an environment file for Azure Identity, a Postman
 * environment, an MSAL configuration), made from the app and the DICOM service, with no secret unless asked.
 */
package io.dicomreg.exports;
