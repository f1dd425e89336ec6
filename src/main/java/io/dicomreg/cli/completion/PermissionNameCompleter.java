package io.dicomreg.cli.completion;

import java.util.List;

import org.springframework.shell.core.command.completion.CompletionProposal;

import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.PermissionType;
import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;

/**
 * Completes permission names of one type, from the API named by {@code --resource-app} on the line,
 * or {@code --api}, or from Azure API for DICOM for a command that takes neither or when {@code --api} is not typed.
 */
abstract class PermissionNameCompleter implements ValueCompleter {

	/** The option naming the API whose permissions complete. */
	static final String RESOURCE_APP = "resource-app";

	/** The option naming the API of the consent commands. */
	static final String API = "api";

	private static final String MICROSOFT_GRAPH = "00000003-0000-0000-c000-000000000000";

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
		else if (request.command().option(API).isPresent()) {
			// Consent commands: the API typed, else Azure API for DICOM for scopes (the tutorial's) and Microsoft Graph
			// for application permissions (the DICOM API has none; most apps' application permissions are Graph's).
			resourceApp = request.typed(API).filter(api -> !api.isBlank())
				.orElse((this.type == PermissionType.APPLICATION) ? MICROSOFT_GRAPH : null);
		}
		return this.apis.permissionNames(resourceApp, this.type, prefix).stream().map(CompletionProposal::new).toList();
	}

}
