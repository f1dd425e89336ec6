package io.dicomreg.apps;

import com.microsoft.graph.models.Application;

import io.dicomreg.auth.SignInService;
import io.dicomreg.error.DicomregException;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;

/**
 * The application registration steps of the tutorial, done through Microsoft Graph.
 */
public class ApplicationService {

	/** Graph's limit on an application's display name. */
	static final int MAX_DISPLAY_NAME_LENGTH = 256;

	/** "Accounts in this organization directory only", the tutorial's choice. */
	static final String SINGLE_TENANT = "AzureADMyOrg";

	private final GraphClientProvider graph;

	private final SignInService signIn;

	public ApplicationService(GraphClientProvider graph, SignInService signIn) {
		this.graph = graph;
		this.signIn = signIn;
	}

	/**
	 * Registers a new single-tenant application.
	 * @throws DicomregException for an invalid name or a failed Graph call
	 */
	public RegisteredApplication register(String displayName) {
		String name = validDisplayName(displayName);
		Application request = new Application();
		request.setDisplayName(name);
		request.setSignInAudience(SINGLE_TENANT);
		try {
			Application created = this.graph.client().applications().post(request);
			return toRegistered(created);
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, "Registering the application");
		}
	}

	private RegisteredApplication toRegistered(Application application) {
		String tenantId = this.signIn.session().map(session -> session.tenantId()).orElse(null);
		return new RegisteredApplication(application.getDisplayName(), application.getAppId(), application.getId(),
				tenantId, application.getSignInAudience(), application.getCreatedDateTime());
	}

	private static String validDisplayName(String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw DicomregException.invalidInput("--name is required: give the application's display name.");
		}
		String name = displayName.strip();
		if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
			throw DicomregException.invalidInput("--name is " + name.length() + " characters long; Entra ID allows at most "
					+ MAX_DISPLAY_NAME_LENGTH + ".");
		}
		return name;
	}

}
