package io.dicomreg.cli.completion;

import java.util.List;

import io.dicomreg.cli.catalogue.CompletionRequest;
import io.dicomreg.cli.catalogue.ValueCompleter;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.PermissionService;

/**
 * Completes {@code --resource-app} of {@code permission add} and {@code permission remove} with the
 * display names of the tenant's service principals that start with what is typed.
 */
@Component
public class ResourceAppCompleter implements ValueCompleter {

	private final PermissionService permissions;

	public ResourceAppCompleter(PermissionService permissions) {
		this.permissions = permissions;
	}

	@Override
	public List<CompletionProposal> complete(CompletionRequest request, String prefix) {
		return this.permissions.resourceNames(prefix).stream().map(CompletionProposal::new).toList();
	}

}
