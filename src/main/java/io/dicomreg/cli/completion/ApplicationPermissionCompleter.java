package io.dicomreg.cli.completion;

import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.PermissionType;

/**
 * Completes application permission (app role) names.
 */
@Component
public class ApplicationPermissionCompleter extends PermissionNameCompleter {

	public ApplicationPermissionCompleter(ApiDirectory apis) {
		super(apis, PermissionType.APPLICATION);
	}

}
