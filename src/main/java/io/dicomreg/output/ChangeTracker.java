package io.dicomreg.output;

/**
 * Remembers whether the last result rendered said it changed the tenant, for the summary of a
 * script: its {@code changed} field, or nothing for a command that only reads.
 */
public class ChangeTracker {

	private Boolean changed;

	void record(Object value) {
		if (value instanceof Boolean flag) {
			this.changed = (this.changed != null) ? this.changed || flag : flag;
		}
	}

	/** What the results rendered since the last call said: {@code null} when none had a {@code changed} field. */
	public Boolean take() {
		Boolean taken = this.changed;
		this.changed = null;
		return taken;
	}

}
