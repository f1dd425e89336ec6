package io.dicomreg.exports;

import java.nio.file.Path;

/**
 * What {@code app export} makes.
 *
 * @param app the application, or {@code null} for the selected one
 * @param format env, postman or msal
 * @param dicom the DICOM service whose URL goes in, or {@code null}
 * @param apiVersion the DICOMweb version the base URL ends with (v1 or v2)
 * @param out the file to write, or {@code null} for standard output
 * @param secretFrom the file holding the client secret to include, or {@code null} for none
 * @param certificate the certificate file a client signs in with (env's AZURE_CLIENT_CERTIFICATE_PATH), or
 * {@code null}
 */
public record ExportRequest(String app, ExportFormat format, String dicom, String apiVersion, Path out,
		Path secretFrom, Path certificate) {
}
