package io.dicomreg.apps;

import java.util.Locale;
import java.util.Optional;

import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.odataerrors.ErrorDetails;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;

import io.dicomreg.config.CommandScope;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;
import io.dicomreg.graph.PlannedWrite;

/**
 * Every read and write of client service principals in Microsoft Graph: a lookup by Application (client) ID (404
 * read as "none") and a creation that tells Entra ID's two expected refusals apart from failures: 409, the service
 * principal exists already, and 400 while a new application replicates.
 */
public class ServicePrincipalsGateway {

	private static final String[] FIELDS = { "id", "appId", "displayName" };

	private final GraphClientProvider graph;

	/** The service principals found during a script, by Application ID: once there, one stays (dicomreg never deletes one). */
	private final CommandScope.Memo<String, ClientServicePrincipal> found;

	/** A gateway that asks Graph at every lookup. */
	public ServicePrincipalsGateway(GraphClientProvider graph) {
		this(graph, new CommandScope());
	}

	/** A gateway that finds a service principal once across the lines of a script. */
	public ServicePrincipalsGateway(GraphClientProvider graph, CommandScope scope) {
		this.graph = graph;
		this.found = scope.scriptMemo();
	}

	/** The service principal of the application with this Application (client) ID, if there is one. */
	public Optional<ClientServicePrincipal> byAppId(String appId) {
		ClientServicePrincipal known = this.found.get(appId);
		if (known != null) {
			return Optional.of(known);
		}
		try {
			ClientServicePrincipal servicePrincipal = toClient(this.graph.client().servicePrincipalsWithAppId(appId)
				.get(get -> get.queryParameters.select = FIELDS));
			this.found.put(appId, servicePrincipal);
			return Optional.of(servicePrincipal);
		}
		catch (RuntimeException ex) {
			if (GraphFailures.isNotFound(ex)) {
				return Optional.empty();
			}
			throw GraphFailures.translate(ex, "Looking up the service principal");
		}
	}

	/**
	 * Asks Graph once to create the service principal of the application with this Application (client) ID.
	 * @param doing what is being done, for a failure's message
	 * @return created, already there, or refused while the application replicates
	 */
	public Creation create(String appId, String doing) {
		ServicePrincipal body = new ServicePrincipal();
		body.setAppId(appId);
		try {
			ServicePrincipal created = this.graph.client().servicePrincipals()
				.post(body, post -> post.options.add(PlannedWrite.allowed()));
			return new Creation(Creation.Kind.CREATED, toClient(created), null);
		}
		catch (RuntimeException ex) {
			ODataError error = odataError(ex);
			if (error != null && error.getResponseStatusCode() == 409) {
				return new Creation(Creation.Kind.EXISTS, null, null);
			}
			if (error != null && error.getResponseStatusCode() == 400 && replicating(error.getError())) {
				return new Creation(Creation.Kind.NOT_REPLICATED, null, GraphFailures.translate(ex, doing).getMessage());
			}
			throw GraphFailures.translate(ex, doing);
		}
	}

	/**
	 * Whether Graph's 400 says the application is not (yet) visible to the service principal's replica: the detail
	 * {@code NoBackingApplicationObject}, or the messages Entra ID words it with.
	 */
	static boolean replicating(MainError error) {
		if (error == null) {
			return false;
		}
		if (error.getDetails() != null) {
			for (ErrorDetails detail : error.getDetails()) {
				if ("NoBackingApplicationObject".equalsIgnoreCase(detail.getCode())) {
					return true;
				}
			}
		}
		String message = (error.getMessage() != null) ? error.getMessage().toLowerCase(Locale.ROOT) : "";
		return message.contains("does not reference a valid application object")
				|| message.contains("backing application of the service principal being created");
	}

	private static ODataError odataError(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ODataError error) {
				return error;
			}
		}
		return null;
	}

	private static ClientServicePrincipal toClient(ServicePrincipal servicePrincipal) {
		return new ClientServicePrincipal(servicePrincipal.getId(), servicePrincipal.getAppId(),
				servicePrincipal.getDisplayName());
	}

	/**
	 * One answer to a creation request.
	 *
	 * @param kind what Graph answered
	 * @param servicePrincipal the service principal created, for {@link Kind#CREATED}
	 * @param refusal Graph's refusal in one line (code, message and request id), for {@link Kind#NOT_REPLICATED}
	 */
	public record Creation(Kind kind, ClientServicePrincipal servicePrincipal, String refusal) {

		/** What Graph answered. */
		public enum Kind {

			/** 201: created now. */
			CREATED,

			/** 409: the application has its service principal already. */
			EXISTS,

			/** 400: the application is not visible yet; asking again later succeeds. */
			NOT_REPLICATED

		}

	}

}
