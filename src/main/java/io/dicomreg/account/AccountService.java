package io.dicomreg.account;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.VerifiedDomain;

import io.dicomreg.apps.AppRef;
import io.dicomreg.apps.AppSelection;
import io.dicomreg.config.DryRun;
import io.dicomreg.auth.Session;
import io.dicomreg.auth.ServicePrincipalLogin;
import io.dicomreg.auth.SignInService;
import io.dicomreg.auth.UserLogin;
import io.dicomreg.auth.SignedIn;
import io.dicomreg.graph.GraphClientProvider;

/**
 * Sign-in as the commands offer it: signs in, then learns the tenant's domain for the prompt.
 */
public class AccountService {

	private final SignInService signIn;

	private final GraphClientProvider graph;

	private final AppSelection selection;

	public AccountService(SignInService signIn, GraphClientProvider graph, AppSelection selection) {
		this.signIn = signIn;
		this.graph = graph;
		this.selection = selection;
	}

	/**
	 * Signs a user in, with a device code or the browser.
	 * @param messages receives sign-in instructions for the user
	 */
	public SignedIn login(UserLogin user, boolean browser, Consumer<String> messages) {
		return signedIn(browser ? this.signIn.loginWithBrowser(user, messages)
				: this.signIn.loginWithDeviceCode(user, messages));
	}

	/**
	 * Signs in as an application, with its secret or certificate.
	 * @param pfxPassword asked when a PFX certificate needs a password no variable gives
	 */
	public SignedIn loginAsServicePrincipal(ServicePrincipalLogin login, Supplier<char[]> pfxPassword) {
		return signedIn(this.signIn.loginAsServicePrincipal(login, pfxPassword));
	}

	/**
	 * A new sign-in may be to another tenant, and a selection belongs to the tenant it was made in:
	 * it is forgotten once the sign-in succeeded, never when it failed.
	 */
	private SignedIn signedIn(SignedIn signedIn) {
		this.selection.clear(DryRun.off());
		return withTenantDomain(signedIn);
	}

	/** The signed-in context, with a token refreshed if needed. */
	public SignedIn whoami() {
		return this.signIn.current();
	}

	/** Who is signed in, read without any network call. */
	public Optional<Session> session() {
		return this.signIn.session();
	}

	/** Signs out, forgets the selected application, and returns who was signed in. */
	public Optional<Session> logout() {
		this.selection.clear(DryRun.off());
		return this.signIn.logout();
	}

	/** The selected application, if any, read without any network call. */
	public Optional<AppRef> selectedApp() {
		return this.selection.current();
	}

	private SignedIn withTenantDomain(SignedIn signedIn) {
		Optional<String> domain = defaultDomain();
		if (domain.isEmpty()) {
			return signedIn;
		}
		this.signIn.rememberTenantDomain(domain.get());
		return new SignedIn(signedIn.session().withTenantDomain(domain.get()), signedIn.authority(),
				signedIn.tokenExpiresOn());
	}

	private Optional<String> defaultDomain() {
		try {
			return this.graph.client().organization().get().getValue().stream()
				.findFirst()
				.map(Organization::getVerifiedDomains)
				.flatMap(domains -> domains.stream().filter(d -> Boolean.TRUE.equals(d.getIsDefault())).findFirst())
				.map(VerifiedDomain::getName);
		}
		catch (RuntimeException ex) {
			// The domain only decorates the prompt; a principal that may not read it keeps the tenant ID.
			return Optional.empty();
		}
	}

}
