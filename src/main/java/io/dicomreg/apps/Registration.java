package io.dicomreg.apps;

/**
 * The outcome of {@code app register}.
 *
 * @param application the registered (or already registered) application
 * @param changed whether the tenant changed
 * @param note what happened, for people
 * @param servicePrincipal what was done about its service principal; {@code null} when it was not asked for
 */
public record Registration(RegisteredApplication application, boolean changed, String note,
		ServicePrincipalOutcome servicePrincipal) {

	/** A registration that did not look at the service principal. */
	public Registration(RegisteredApplication application, boolean changed, String note) {
		this(application, changed, note, null);
	}

	/** The same registration, with what was done about its service principal. */
	Registration with(ServicePrincipalOutcome outcome) {
		return new Registration(this.application, this.changed || outcome.changed(), this.note, outcome);
	}

}
