package io.dicomreg.cli;

import org.springframework.shell.core.command.availability.Availability;
import org.springframework.shell.core.command.availability.AvailabilityProvider;

import io.dicomreg.auth.SignInService;

/**
 * Makes a command available only once somebody is signed in.
 */
public class SignedInAvailability implements AvailabilityProvider {

	private final SignInService signIn;

	public SignedInAvailability(SignInService signIn) {
		this.signIn = signIn;
	}

	@Override
	public Availability get() {
		return this.signIn.isSignedIn() ? Availability.available()
				: Availability.unavailable("you are not signed in. Run 'login' first.");
	}

}
