package io.dicomreg.cli.completion;

import org.springframework.stereotype.Component;

import io.dicomreg.apps.PermissionService;
import io.dicomreg.apps.PermissionType;

/**
 * Completes delegated permission (scope) names, such as {@code Dicom.ReadWrite}.
 */
@Component
public class DelegatedPermissionCompleter extends PermissionNameCompleter {

	public DelegatedPermissionCompleter(PermissionService permissions) {
		super(permissions, PermissionType.DELEGATED);
	}

}
