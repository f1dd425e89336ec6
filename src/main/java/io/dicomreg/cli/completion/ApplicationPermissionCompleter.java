package io.dicomreg.cli.completion;

import org.springframework.stereotype.Component;

import io.dicomreg.apps.PermissionService;
import io.dicomreg.apps.PermissionType;

/**
 * Completes application permission (app role) names.
 */
@Component
public class ApplicationPermissionCompleter extends PermissionNameCompleter {

	public ApplicationPermissionCompleter(PermissionService permissions) {
		super(permissions, PermissionType.APPLICATION);
	}

}
