package io.dicomreg.account;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.VerifiedDomain;

import io.dicomreg.auth.ServicePrincipalLogin;
import io.dicomreg.auth.Session;
import io.dicomreg.auth.SignInService;
import io.dicomreg.auth.SignedIn;
import io.dicomreg.auth.UserLogin;
import io.dicomreg.graph.GraphClientProvider;

/**
 * Sign-in as the commands offer it: signs in, then learns the tenant's domain for the prompt.
 */
public class AccountService {

	private final SignInService signIn;

	private final GraphClientProvider graph;

	public AccountService(SignInService signIn, GraphClientProvider graph) {
		this.signIn = signIn;
		this.graph = graph;
	}

	/** Signs a user in with a device code. */
	public SignedIn loginWithDeviceCode(UserLogin login, Consumer<String> messages) {
		return withTenantDomain(this.signIn.loginWithDeviceCode(login, messages));
	}

	/** Signs a user in with the browser. */
	public SignedIn loginWithBrowser(UserLogin login, Consumer<String> messages) {
		return withTenantDomain(this.signIn.loginWithBrowser(login, messages));
	}

	/** Signs a service principal in with its secret or certificate. */
	public SignedIn loginAsServicePrincipal(ServicePrincipalLogin login, Supplier<char[]> pfxPassword) {
		return withTenantDomain(this.signIn.loginAsServicePrincipal(login, pfxPassword));
	}

	/** The signed-in context, with a token refreshed if needed. */
	public SignedIn whoami() {
		return this.signIn.current();
	}

	/** Signs out and returns who was signed in. */
	public Optional<Session> logout() {
		return this.signIn.logout();
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
