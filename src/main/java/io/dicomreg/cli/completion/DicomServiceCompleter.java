package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.azure.DicomServiceDirectory;
import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;

/**
 * Completes {@code --dicom} with the names ({@code name} and {@code workspace/name}) of the DICOM services the
 * signed-in account can see in Azure Resource Manager.
 */
@Component
public class DicomServiceCompleter implements ValueCompleter {

	private final DicomServiceDirectory services;

	public DicomServiceCompleter(DicomServiceDirectory services) {
		this.services = services;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		return this.services.names(prefix).stream().map(CompletionProposal::new).toList();
	}

}
