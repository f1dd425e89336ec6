package io.dicomreg.support;

import java.util.function.Consumer;

import com.microsoft.kiota.BaseRequestConfiguration;

import io.dicomreg.graph.PlannedWrite;

/**
 * Lets a test write to Graph directly, as another tool would, through dicomreg's guarded client: the
 * client refuses every write a run did not allow.
 */
public final class GraphWrites {

	private GraphWrites() {
	}

	/** The request configuration of a write a test makes on purpose. */
	public static <T extends BaseRequestConfiguration> Consumer<T> allowed() {
		return configuration -> configuration.options.add(PlannedWrite.allowed());
	}

}
