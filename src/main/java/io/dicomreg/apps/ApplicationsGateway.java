package io.dicomreg.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.microsoft.kiota.BaseRequestConfiguration;
import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import com.microsoft.graph.applications.item.removepassword.RemovePasswordPostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ApplicationCollectionResponse;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.kiota.ApiException;

import io.dicomreg.config.CommandScope;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.graph.GraphFailures;
import io.dicomreg.graph.PlannedWrite;

/**
 * Every read and write of application objects in Microsoft Graph, for all the services: lookups
 * (404 read as "none"), reads with {@code $select} (an application a dry run only planned reads as
 * {@link PlannedApplications#of}), and writes behind the dry-run guard: in a dry run a write is
 * noted as "would &lt;planned change&gt;" and not made. A failed call becomes one line saying what
 * was being done ({@link GraphFailures#translate}).
 */
public class ApplicationsGateway {

	private static final String LOOKING_UP = "Looking up the application";

	/** Graph's page size for {@link #list}, below the limit asked for. */
	private static final int PAGE_SIZE = 100;

	/** The most applications one Graph page holds. */
	private static final int MAX_PAGE_SIZE = 999;

	private final GraphClientProvider graph;

	/**
	 * The applications read during a script, by object ID and properties selected: the next line does not read them
	 * again unless dicomreg wrote them meanwhile (see {@link CommandScope}). Readers share the object: they copy what
	 * they need out of it (into records and new lists) and never change it.
	 */
	private final CommandScope.Memo<String, Application> read;

	/** A gateway that reads Graph at every read. */
	public ApplicationsGateway(GraphClientProvider graph) {
		this(graph, new CommandScope());
	}

	/** A gateway that reads an application once across the lines of a script. */
	public ApplicationsGateway(GraphClientProvider graph, CommandScope scope) {
		this.graph = graph;
		this.read = scope.scriptMemo();
	}

	/** The reference commands use for {@code application}. */
	public static AppRef ref(Application application) {
		return new AppRef(application.getId(), application.getAppId(), application.getDisplayName());
	}

	/**
	 * The application {@code app}, with the properties {@code select} names (all when none).
	 * @param doing what is being done, for the failure's message, e.g. "Reading the client secrets"
	 */
	public Application read(AppRef app, String doing, String... select) {
		if (app.planned()) {
			return PlannedApplications.of(app);
		}
		String key = app.objectId() + "?" + String.join(",", select);
		Application known = this.read.get(key);
		if (known != null) {
			return known;
		}
		Application application;
		try {
			if (select.length == 0) {
				application = this.graph.client().applications().byApplicationId(app.objectId()).get();
			}
			else {
				application = this.graph.client().applications().byApplicationId(app.objectId())
					.get(get -> get.queryParameters.select = select);
			}
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, doing);
		}
		this.read.put(key, application);
		return application;
	}

	/** dicomreg writes {@code app} (or, with {@code null}, some application): what was read of it is stale. */
	private void changes(AppRef app) {
		this.read.evict(key -> app == null || app.objectId() == null || key.startsWith(app.objectId() + "?"));
	}

	/** The application with this Application (client) ID, if there is one. */
	public Optional<Application> byAppId(String appId, String... select) {
		return lookUp(() -> this.graph.client().applicationsWithAppId(appId)
			.get(get -> get.queryParameters.select = select));
	}

	/** The application with this object ID, if there is one. */
	public Optional<Application> byObjectId(String objectId, String... select) {
		return lookUp(() -> this.graph.client().applications().byApplicationId(objectId)
			.get(get -> get.queryParameters.select = select));
	}

	/** The application registered under this unique name, if there is one. */
	public Optional<Application> byUniqueName(String uniqueName, String... select) {
		return lookUp(() -> this.graph.client().applicationsWithUniqueName(uniqueName)
			.get(get -> get.queryParameters.select = select));
	}

	/** The applications whose display name is exactly {@code name}, with their creation time. */
	public List<Application> withDisplayName(String name) {
		return query("displayName eq '" + ODataText.quote(name) + "'", MAX_PAGE_SIZE, MAX_PAGE_SIZE, LOOKING_UP,
				new String[] { "id", "appId", "displayName", "createdDateTime" });
	}

	/**
	 * At most {@code limit} applications, all or those whose display name starts with
	 * {@code nameStartsWith} (filtered by the server), following Graph's pages.
	 * @param nameStartsWith the start of the display name, or {@code null} or empty for all
	 * @param doing what is being done, for the failure's message
	 */
	public List<Application> list(String nameStartsWith, int limit, String doing, String... select) {
		String filter = (nameStartsWith != null && !nameStartsWith.isEmpty())
				? "startswith(displayName,'" + ODataText.quote(nameStartsWith) + "')" : null;
		return query(filter, Math.min(limit, PAGE_SIZE), limit, doing, select);
	}

	/**
	 * PATCHes {@code app} with {@code body}, which holds only what changes.
	 * @return {@code false} in a dry run, when nothing was written
	 */
	public boolean patch(AppRef app, Application body, Change change) {
		changes(app);
		return write(change, () -> {
			this.graph.client().applications().byApplicationId(app.objectId()).patch(body, ApplicationsGateway::allowed);
			return true;
		}).isPresent();
	}

	/**
	 * Creates an application.
	 * @return the application created; empty in a dry run, when nothing was created
	 */
	public Optional<Application> post(Application body, Change change) {
		return write(change, () -> this.graph.client().applications().post(body, ApplicationsGateway::allowed));
	}

	/**
	 * Creates or updates the application registered under {@code uniqueName} (Graph's upsert).
	 * @param select what to read back when Graph answers without the application
	 * @return the application as it is now; empty in a dry run, when nothing was written
	 */
	public Optional<Application> upsert(String uniqueName, Application body, Change change, String... select) {
		changes(null);
		return write(change, () -> {
			Application created = this.graph.client().applicationsWithUniqueName(uniqueName).patch(body, patch -> {
				patch.headers.add("Prefer", "create-if-missing");
				allowed(patch);
			});
			return (created != null) ? created : byUniqueName(uniqueName, select).orElseThrow();
		});
	}

	/**
	 * Deletes the application.
	 * @return {@code false} in a dry run, when nothing was deleted
	 */
	public boolean delete(AppRef app, Change change) {
		changes(app);
		return write(change, () -> {
			this.graph.client().applications().byApplicationId(app.objectId()).delete(ApplicationsGateway::allowed);
			return true;
		}).isPresent();
	}

	/**
	 * Adds a client secret with Graph's {@code addPassword}, which never touches the others.
	 * @return the secret added, with its value; empty in a dry run, when nothing was added
	 */
	public Optional<PasswordCredential> addPassword(AppRef app, PasswordCredential credential, Change change) {
		changes(app);
		AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
		body.setPasswordCredential(credential);
		return write(change, () -> this.graph.client().applications().byApplicationId(app.objectId()).addPassword()
			.post(body, ApplicationsGateway::allowed));
	}

	/**
	 * Removes one client secret with Graph's {@code removePassword}; the others stay.
	 * @return {@code false} in a dry run, when nothing was removed
	 */
	public boolean removePassword(AppRef app, UUID keyId, Change change) {
		changes(app);
		RemovePasswordPostRequestBody body = new RemovePasswordPostRequestBody();
		body.setKeyId(keyId);
		return write(change, () -> {
			this.graph.client().applications().byApplicationId(app.objectId()).removePassword()
				.post(body, ApplicationsGateway::allowed);
			return true;
		}).isPresent();
	}

	/** Sends {@code request} unless the run is a dry run, which notes the change instead. */
	private static <T> Optional<T> write(Change change, Supplier<T> request) {
		if (change.plan().skip(change.planned())) {
			return Optional.empty();
		}
		try {
			return Optional.of(request.get());
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, change.doing());
		}
	}

	/** Marks a request as a write this run allows: the Graph client refuses the others. */
	private static void allowed(BaseRequestConfiguration configuration) {
		configuration.options.add(PlannedWrite.allowed());
	}

	private List<Application> query(String filter, int pageSize, int limit, String doing, String[] select) {
		List<Application> found = new ArrayList<>();
		try {
			ApplicationCollectionResponse page = this.graph.client().applications().get(get -> {
				if (filter != null) {
					get.queryParameters.filter = filter;
				}
				get.queryParameters.select = select;
				get.queryParameters.top = pageSize;
			});
			while (page != null) {
				page.getValue().stream().limit(limit - found.size()).forEach(found::add);
				String next = page.getOdataNextLink();
				page = (found.size() < limit && next != null) ? this.graph.client().applications().withUrl(next).get() : null;
			}
			return found;
		}
		catch (RuntimeException ex) {
			throw GraphFailures.translate(ex, doing);
		}
	}

	/** The application {@code get} reads; Graph's 404 means none, any other Graph error is reported. */
	private static Optional<Application> lookUp(Supplier<Application> get) {
		try {
			return Optional.of(get.get());
		}
		catch (RuntimeException ex) {
			if (GraphFailures.isNotFound(ex)) {
				return Optional.empty();
			}
			throw GraphFailures.translate(ex, LOOKING_UP);
		}
	}

}
