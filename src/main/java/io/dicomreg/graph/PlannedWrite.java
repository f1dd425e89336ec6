package io.dicomreg.graph;

import com.microsoft.kiota.RequestOption;

/**
 * Marks a Graph request as a write its run's plan allows: the Graph client refuses every write
 * request that does not carry it, so a write that no run decided on (a dry run's, above all) never
 * leaves this machine, whatever a service forgot.
 */
public final class PlannedWrite implements RequestOption {

	private static final PlannedWrite ALLOWED = new PlannedWrite();

	private PlannedWrite() {
	}

	/** The mark of a write that a run that is no dry run decided to make. */
	public static PlannedWrite allowed() {
		return ALLOWED;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends RequestOption> Class<T> getType() {
		return (Class<T>) PlannedWrite.class;
	}

}
