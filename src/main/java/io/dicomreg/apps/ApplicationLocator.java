package io.dicomreg.apps;

import java.util.List;
import java.util.stream.Collectors;

import com.microsoft.graph.models.Application;
import com.microsoft.kiota.ApiException;

import io.dicomreg.error.DicomregException;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;

/**
 * Finds the application a command works on: {@code --app} as a display name, an Application
 * (client) ID or an object ID, else the selected application.
 */
public class ApplicationLocator {


	private static final String[] REFERENCE_FIELDS = { "id", "appId", "displayName" };

	private final GraphClientProvider graph;

	private final AppSelection selection;

	public ApplicationLocator(GraphClientProvider graph, AppSelection selection) {
		this.graph = graph;
		this.selection = selection;
	}

	/**
	 * The application {@code app} names, or the selected one when {@code app} is {@code null}.
	 * @throws DicomregException (usage) when none is selected, none matches, or a display name is
	 * ambiguous
	 */
	public AppRef resolve(String app) {
		if (app == null || app.isBlank()) {
			return this.selection.current()
				.orElseThrow(() -> DicomregException.invalidInput(
						"No application selected: give --app NAME|CLIENT_ID|OBJECT_ID, or run 'app use APP' first."));
		}
		String value = app.strip();
		return Guids.isGuid(value) ? byId(value) : byDisplayName(value);
	}

	private AppRef byId(String id) {
		try {
			return toRef(this.graph.client().applicationsWithAppId(id).get(get -> get.queryParameters.select = REFERENCE_FIELDS));
		}
		catch (ApiException ex) {
			if (ex.getResponseStatusCode() != 404) {
				throw GraphFailures.translate(ex, "Looking up the application");
			}
		}
		try {
			return toRef(this.graph.client().applications().byApplicationId(id)
				.get(get -> get.queryParameters.select = REFERENCE_FIELDS));
		}
		catch (ApiException ex) {
			if (ex.getResponseStatusCode() == 404) {
				throw DicomregException.invalidInput("No application with client ID or object ID " + id
						+ " in this tenant. Run 'app list' to see them.");
			}
			throw GraphFailures.translate(ex, "Looking up the application");
		}
	}

	private AppRef byDisplayName(String name) {
		List<Application> matches = withDisplayName(name);
		if (matches.isEmpty()) {
			throw DicomregException.invalidInput("No application named '" + name
					+ "' in this tenant. Run 'app list --name-starts-with TEXT' to find it.");
		}
		if (matches.size() > 1) {
			throw DicomregException.invalidInput(matches.size() + " applications are named '" + name
					+ "': give the client ID instead (" + matches.stream().map(Application::getAppId)
						.collect(Collectors.joining(", ")) + ").");
		}
		return toRef(matches.get(0));
	}

	/** The applications whose display name is exactly {@code name}. */
	List<Application> withDisplayName(String name) {
		try {
			return this.graph.client().applications().get(get -> {
				get.queryParameters.filter = "displayName eq '" + ODataText.quote(name) + "'";
				get.queryParameters.select = new String[] { "id", "appId", "displayName", "createdDateTime" };
				get.queryParameters.top = 999;
			}).getValue();
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, "Looking up the application");
		}
	}

	private static AppRef toRef(Application application) {
		return new AppRef(application.getId(), application.getAppId(), application.getDisplayName());
	}

}
