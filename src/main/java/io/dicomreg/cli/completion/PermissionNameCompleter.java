package io.dicomreg.cli.completion;

import java.util.List;
import java.util.Set;

import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.PermissionType;

/**
 * Completes permission names: {@code --scope} and {@code --role} of {@code permission add} and
 * {@code permission remove} from the API named by {@code --resource-app} on the line, and
 * {@code --scope} of {@code permission add-dicom} from Azure API for DICOM.
 */
@Component
public class PermissionNameCompleter implements OptionValueCompleter {

	static final Set<String> COMMANDS = Set.of("permission add", "permission remove");

	private final ApiDirectory apis;

	public PermissionNameCompleter(ApiDirectory apis) {
		this.apis = apis;
	}

	@Override
	public boolean supports(String commandName, String optionName) {
		return (COMMANDS.contains(commandName) && ("scope".equals(optionName) || "role".equals(optionName)))
				|| ("permission add-dicom".equals(commandName) && "scope".equals(optionName));
	}

	@Override
	public List<CompletionProposal> complete(CompletionContext context, String prefix) {
		PermissionType type = "role".equals(context.getCommandOption().longName()) ? PermissionType.APPLICATION
				: PermissionType.DELEGATED;
		String resourceApp = null;
		if (!"permission add-dicom".equals(context.getCommand().getName())) {
			resourceApp = OptionWords.valueOf(context.getWords(), "resource-app");
			if (resourceApp == null || resourceApp.isBlank()) {
				return List.of();
			}
		}
		return this.apis.permissionNames(resourceApp, type, OptionWords.unquoted(prefix))
			.stream()
			.map(CompletionProposal::new)
			.toList();
	}

}
