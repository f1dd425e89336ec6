package io.dicomreg.apps;

import java.util.List;
import java.util.stream.Collectors;

import com.microsoft.graph.models.Application;

import io.dicomreg.config.DryRun;
import io.dicomreg.error.DicomregException;
import io.dicomreg.error.Echo;
import io.dicomreg.error.Subject;

/**
 * Finds the application a command works on: {@code --app} as a display name, an Application
 * (client) ID or an object ID, else the selected application.
 */
public class ApplicationLocator {


	private static final String[] REFERENCE_FIELDS = { "id", "appId", "displayName" };

	private final ApplicationsGateway applications;

	private final AppSelection selection;

	public ApplicationLocator(ApplicationsGateway applications, AppSelection selection) {
		this.applications = applications;
		this.selection = selection;
	}

	/**
	 * The application {@code app} names, or the selected one when {@code app} is {@code null}.
	 * @throws DicomregException (usage) when none is selected, none matches, or a display name is
	 * ambiguous
	 */
	public AppRef resolve(String app) {
		return resolve(app, DryRun.off());
	}

	/**
	 * The application {@code app} names, or the one selected for this run when {@code app} is
	 * {@code null} (in a dry run, the one it would have selected).
	 * @throws DicomregException (usage) when none is selected, none matches, or a display name is
	 * ambiguous
	 */
	public AppRef resolve(String app, DryRun plan) {
		if (app == null || app.isBlank()) {
			return this.selection.current(plan)
				.orElseThrow(() -> DicomregException.invalidNaming(Subject.APPLICATION,
						"No application selected: give {} NAME|CLIENT_ID|OBJECT_ID, or run 'app use APP' first."));
		}
		String value = app.strip();
		return Guids.isGuid(value) ? byId(value) : byDisplayName(value);
	}

	private AppRef byId(String id) {
		return this.applications.byAppId(id, REFERENCE_FIELDS)
			.or(() -> this.applications.byObjectId(id, REFERENCE_FIELDS))
			.map(ApplicationsGateway::ref)
			.orElseThrow(() -> DicomregException.invalidInput("No application with client ID or object ID " + id
					+ " in this tenant. Run 'app list' to see them."));
	}

	private AppRef byDisplayName(String name) {
		List<Application> matches = this.applications.withDisplayName(name);
		if (matches.isEmpty()) {
			throw DicomregException.invalidInput("No application named " + Echo.quoted(name)
					+ " in this tenant. Run 'app list --name-starts-with TEXT' to find it.");
		}
		if (matches.size() > 1) {
			throw DicomregException.invalidInput(matches.size() + " applications are named '" + name
					+ "': give the client ID instead (" + matches.stream().map(Application::getAppId)
						.collect(Collectors.joining(", ")) + ").");
		}
		return ApplicationsGateway.ref(matches.get(0));
	}

}
