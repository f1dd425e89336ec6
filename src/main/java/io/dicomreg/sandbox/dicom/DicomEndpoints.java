package io.dicomreg.sandbox.dicom;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.arm.DicomServiceUrls;
import io.dicomreg.sandbox.directory.DicomService;
import io.dicomreg.sandbox.directory.Json;
import io.dicomreg.sandbox.http.Endpoints;
import io.dicomreg.sandbox.http.SandboxRequest;
import io.dicomreg.sandbox.http.SandboxResponse;

/**
 * Serves DICOMweb under each DICOM service's URL ({@code /dicom/{workspace}-{name}/v{version}/...}) in the open-source
 * server's order: the service and route (404, 405, 415 for a store of another media type, 400 for a version it does
 * not have), then the bearer token (401), then the route's own checks, each of which checks the caller's data
 * role (403) where the server's handler does.
 */
public final class DicomEndpoints implements Endpoints {

	/** The path every DICOM service URL starts with. */
	static final String PATH_PREFIX = DicomServiceUrls.PATH_PREFIX;

	private final DicomContext context;

	private final DicomAuthenticator authenticator;

	public DicomEndpoints(DicomContext context) {
		this.context = context;
		this.authenticator = new DicomAuthenticator(context);
	}

	@Override
	public SandboxResponse handle(SandboxRequest request) {
		boolean versioned = false;
		SandboxResponse response;
		try {
			DicomService service = this.context.store()
				.read((tenant) -> DicomServiceUrls.serviceOf(tenant.azure(), request.path()))
				.orElseThrow(() -> noService(request.path()));
			List<String> segments = segments(request.path());
			if (segments.isEmpty()) {
				throw DicomError.noRoute();
			}
			DicomApiVersion version;
			try {
				version = DicomApiVersion.parse(segments.get(0)).orElseThrow(DicomError::noRoute);
			}
			catch (DicomApiVersion.UnsupportedException ex) {
				if (DicomRoute.match(segments.subList(1, segments.size())).isEmpty()) {
					throw DicomError.noRoute();
				}
				return DicomResponses.withHeaders(unsupportedVersion(request, ex.version()), true);
			}
			DicomRoute route = DicomRoute.match(segments.subList(1, segments.size()))
				.orElseThrow(DicomError::noRoute);
			DicomRoute.Kind kind = route.methods().get(request.method());
			if (kind == null) {
				throw new DicomError(405, null).withHeader("Allow", String.join(", ", route.methods().keySet()));
			}
			if (kind == DicomRoute.Kind.STORE
					&& !StoreTransaction.CONSUMES.contains(MediaType.parse(request.header("Content-Type")).type())) {
				throw new DicomError(415, null);
			}
			versioned = true;
			DicomCaller caller = this.authenticator.authenticate(request);
			response = dispatch(new DicomCall(request, this.context, service, version, route, caller), kind);
		}
		catch (DicomError error) {
			response = error.response();
		}
		return DicomResponses.withHeaders(response, versioned);
	}

	@Override
	public SandboxResponse fault(SandboxRequest request, int status, Duration retryAfter) {
		SandboxResponse response = DicomResponses.withHeaders(new SandboxResponse(status, new LinkedHashMap<>(),
				new byte[0]), false);
		return (retryAfter != null) ? response.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
				: response;
	}

	@Override
	public SandboxResponse failure(SandboxRequest request, RuntimeException failure) {
		SandboxResponse response = new SandboxResponse(500,
				new LinkedHashMap<>(Map.of("Content-Type", DicomResponses.TEXT)),
				Endpoints.failureMessage(failure).getBytes(StandardCharsets.UTF_8));
		return DicomResponses.withHeaders(response, false);
	}

	private static SandboxResponse dispatch(DicomCall call, DicomRoute.Kind kind) {
		return switch (kind) {
			case SEARCH_STUDIES, SEARCH_SERIES, SEARCH_INSTANCES, SEARCH_STUDY_SERIES, SEARCH_STUDY_INSTANCES,
					SEARCH_SERIES_INSTANCES -> QidoSearch.search(call, kind);
			case METADATA -> MetadataRetrieve.retrieve(call);
			case CHANGE_FEED -> ChangeFeed.feed(call);
			case CHANGE_FEED_LATEST -> ChangeFeed.latest(call);
			case STORE -> StoreTransaction.store(call);
			case PARTITIONED -> throw DicomError.badRequest("Data partitions feature is disabled.");
			case NOT_EMULATED -> throw new DicomError(501, "The sandbox does not emulate " + call.request().method()
					+ " " + call.request().path().substring(call.request().path().indexOf('/',
							PATH_PREFIX.length())) + " of the DICOM service.");
		};
	}

	/** The path segments after the service's, without an empty last one (a trailing slash). */
	private static List<String> segments(String path) {
		int serviceEnd = path.indexOf('/', PATH_PREFIX.length());
		if (serviceEnd < 0) {
			return List.of();
		}
		List<String> segments = new ArrayList<>(List.of(path.substring(serviceEnd + 1).split("/", -1)));
		if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
			segments.remove(segments.size() - 1);
		}
		return segments;
	}

	/** No service with that host label: what the real front door answers for an unknown host is not known. */
	private static DicomError noService(String path) {
		int end = path.indexOf('/', PATH_PREFIX.length());
		String label = path.substring(PATH_PREFIX.length(), (end < 0) ? path.length() : end);
		return DicomError.notFound("The sandbox has no DICOM service '" + label + "'.");
	}

	/** ASP.NET API Versioning's answer to a version the route does not have. */
	private SandboxResponse unsupportedVersion(SandboxRequest request, String version) {
		ObjectNode error = Json.object();
		ObjectNode body = error.putObject("error");
		body.put("code", "UnsupportedApiVersion");
		body.put("message", "The HTTP resource that matches the request URI '" + this.context.baseUrl()
				+ request.pathAndQuery() + "' does not support the API version '" + version + "'.");
		body.putNull("innerError");
		return DicomResponses.json(400, error, DicomResponses.JSON);
	}

}
