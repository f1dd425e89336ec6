package io.dicomreg.sandbox.arm;

import java.util.Optional;

import io.dicomreg.sandbox.directory.AzureResources;
import io.dicomreg.sandbox.directory.DicomService;

/**
 * The service URLs of the sandbox's DICOM services. In Azure a DICOM service is served at
 * {@code https://{workspace}-{name}.dicom.azurehealthcareapis.com}; the sandbox serves everything on one loopback
 * host and port, so a service's URL is {@code {sandbox base URL}/dicom/{workspace}-{name}}, computed when it is
 * answered (the port changes between starts). Host labels are unique in a tenant, so a URL names one service.
 */
public final class DicomServiceUrls {

	/** The path every DICOM service URL starts with. */
	public static final String PATH_PREFIX = "/dicom/";

	private DicomServiceUrls() {
	}

	/**
	 * The URL a DICOM service is served at.
	 * @param baseUrl the sandbox's base URL, e.g. https://127.0.0.1:PORT
	 * @param service the DICOM service
	 * @return e.g. https://127.0.0.1:PORT/dicom/contosohealth-dicom1
	 */
	public static String serviceUrl(String baseUrl, DicomService service) {
		return baseUrl + PATH_PREFIX + service.hostLabel();
	}

	/**
	 * The DICOM service a request path is for: {@code /dicom/{workspace}-{name}} followed by nothing or by
	 * {@code /} and the DICOMweb path (such as {@code /v2/studies}).
	 * @param azure the tenant's resources
	 * @param path the request path
	 * @return the DICOM service, empty when the path names none
	 */
	public static Optional<DicomService> serviceOf(AzureResources azure, String path) {
		if (!path.startsWith(PATH_PREFIX)) {
			return Optional.empty();
		}
		String rest = path.substring(PATH_PREFIX.length());
		int slash = rest.indexOf('/');
		String hostLabel = (slash < 0) ? rest : rest.substring(0, slash);
		return hostLabel.isEmpty() ? Optional.empty() : azure.dicomServiceByHostLabel(hostLabel);
	}

}
