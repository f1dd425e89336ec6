package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.PermissionType;
import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;

/**
 * Completes permission names of one type, from the API named by {@code --resource-app} on the line,
 * or from Azure API for DICOM for a command that takes no {@code --resource-app}.
 */
abstract class PermissionNameCompleter implements ValueCompleter {

	/** The option naming the API whose permissions complete. */
	static final String RESOURCE_APP = "resource-app";

	private final ApiDirectory apis;

	private final PermissionType type;

	PermissionNameCompleter(ApiDirectory apis, PermissionType type) {
		this.apis = apis;
		this.type = type;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		String resourceApp = null;
		if (request.command().option(RESOURCE_APP).isPresent()) {
			resourceApp = request.typed(RESOURCE_APP).orElse(null);
			if (resourceApp == null || resourceApp.isBlank()) {
				return List.of();
			}
		}
		return this.apis.permissionNames(resourceApp, this.type, prefix).stream().map(CompletionProposal::new).toList();
	}

}
