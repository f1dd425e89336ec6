package io.dicomreg.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.KeyCredential;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.graph.models.ServicePrincipal;

import io.dicomreg.config.Waiting;
import io.dicomreg.apps.AppNameIndex;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.apps.ApplicationLocator;
import io.dicomreg.apps.ApplicationService;
import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.PermissionService;
import io.dicomreg.apps.ApplicationsGateway;
import io.dicomreg.apps.Audience;
import io.dicomreg.apps.RegisteredApplication;
import io.dicomreg.apps.RegistrationRequest;
import io.dicomreg.config.DryRun;
import io.dicomreg.auth.ClientCredentials;
import io.dicomreg.auth.DefaultBrowserLauncher;
import io.dicomreg.auth.SessionStore;
import io.dicomreg.auth.SignInService;
import io.dicomreg.auth.TokenCacheStore;
import io.dicomreg.auth.UserLogin;
import io.dicomreg.config.ConnectionTarget;
import io.dicomreg.config.DicomregHome;
import io.dicomreg.apps.ServicePrincipalService;
import io.dicomreg.apps.ServicePrincipalsGateway;
import io.dicomreg.graph.GraphClientProvider;
import io.dicomreg.sandbox.GraphFixture;

/**
 * The sandbox tenant's admin, signed in through the real services, preparing what a test needs:
 * applications, their secrets and certificates.
 */
public final class SandboxAdmin {

	private final ConnectionTarget target;

	private final SignInService signIn;

	private final GraphClientProvider graph;

	private final ApplicationsGateway gateway;

	private final ApplicationService applications;

	private final ApplicationLocator locator;

	private final AppSelection selection;

	private SandboxAdmin(ConnectionTarget target, SignInService signIn, GraphClientProvider graph, Path home) {
		this.target = target;
		this.signIn = signIn;
		this.graph = graph;
		this.gateway = new ApplicationsGateway(graph);
		this.selection = new AppSelection(target, new DicomregHome(home));
		this.locator = new ApplicationLocator(this.gateway, this.selection);
		this.applications = applicationsWith(new ServicePrincipalService(new ServicePrincipalsGateway(graph),
				Waiting.realTime(), line -> {
				}));
	}

	/** An application service like {@link #applications()}, whose service principals {@code servicePrincipals} makes. */
	public ApplicationService applicationsWith(ServicePrincipalService servicePrincipals) {
		return new ApplicationService(this.gateway, this.signIn, this.target, this.locator, this.selection,
				new AppNameIndex(this.gateway, Clock.systemUTC()),
				new PermissionService(this.gateway, new ApiDirectory(this.graph)), servicePrincipals, Clock.systemUTC());
	}

	/** Signs the admin in with a device code, keeping the session under {@code home}. */
	public static SandboxAdmin signIn(ConnectionTarget target, Path home) {
		SignInService signIn = signInService(target, home, Map.of());
		signIn.loginWithDeviceCode(new UserLogin(null, null), message -> {
		});
		return new SandboxAdmin(target, signIn, new GraphClientProvider(target, signIn), home);
	}

	/** A sign-in service for {@code target} with its own home and environment variables. */
	public static SignInService signInService(ConnectionTarget target, Path home, Map<String, String> environment) {
		DicomregHome dicomregHome = new DicomregHome(home);
		return new SignInService(target, TokenCacheStore.withoutKeyring(dicomregHome, notice -> {
		}), new SessionStore(dicomregHome), new ClientCredentials(environment::get), new DefaultBrowserLauncher(target));
	}

	public SignInService signInService() {
		return this.signIn;
	}

	public GraphClientProvider graph() {
		return this.graph;
	}

	/** Reads and writes applications for the services under test. */
	public ApplicationsGateway gateway() {
		return this.gateway;
	}

	/** Resolves --app values with the same selection as {@link #applications()}. */
	public ApplicationLocator locator() {
		return this.locator;
	}

	public ApplicationService applications() {
		return this.applications;
	}

	public RegisteredApplication register(String name) {
		return this.applications.register(name);
	}

	/** Registers an application with its service principal, so that it can sign in (as {@link #register} does). */
	public RegisteredApplication registerWithServicePrincipal(String name) {
		return register(name);
	}

	/** Registers an application without its service principal, as tools other than the portal do. */
	public RegisteredApplication registerWithoutServicePrincipal(String name) {
		return this.applications.register(new RegistrationRequest(name, null, Audience.SINGLE_TENANT, true, false),
				DryRun.off()).application();
	}

	/** Creates the service principal of the application {@code appId}, so that it can sign in. */
	public void createServicePrincipal(String appId) {
		ServicePrincipal principal = new ServicePrincipal();
		principal.setAppId(appId);
		this.graph.client().servicePrincipals().post(principal, GraphWrites.allowed());
	}

	/**
	 * Admin consent for an application, as the portal's "Grant admin consent" button gives it: its delegated
	 * permissions granted to everyone, its application permissions assigned to its service principal (created when
	 * missing). The sandbox's tokens carry only consented permissions, as Entra's do; the admin's own sign-in (the
	 * shell's scopes) cannot write grants, so this signs the admin in again with the scopes it needs.
	 * @param appId the application's appId
	 */
	public void grantAdminConsent(String appId) {
		new GraphFixture(this.target.sandbox()).grantAdminConsent(appId);
	}

	/** Adds a client secret to the application and returns its value. */
	public String addSecret(String objectId) {
		AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
		PasswordCredential credential = new PasswordCredential();
		credential.setDisplayName("test secret");
		body.setPasswordCredential(credential);
		return this.graph.client().applications().byApplicationId(objectId).addPassword().post(body, GraphWrites.allowed()).getSecretText();
	}

	/** Uploads the certificate's public key to the application, keeping its other keys. */
	public void addCertificate(String objectId, TestCertificates certificate) throws Exception {
		Application current = this.graph.client().applications().byApplicationId(objectId).get();
		List<KeyCredential> keys = new ArrayList<>((current.getKeyCredentials() != null) ? current.getKeyCredentials()
				: List.of());
		KeyCredential key = new KeyCredential();
		key.setType("AsymmetricX509Cert");
		key.setUsage("Verify");
		key.setDisplayName("CN=test");
		key.setKey(certificate.certificate().getEncoded());
		keys.add(key);
		Application patch = new Application();
		patch.setKeyCredentials(keys);
		this.graph.client().applications().byApplicationId(objectId).patch(patch, GraphWrites.allowed());
	}

}
