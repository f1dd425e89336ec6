package io.dicomreg.cli.completion;

import org.springframework.stereotype.Component;

import io.dicomreg.apps.ApiDirectory;
import io.dicomreg.apps.PermissionType;

/**
 * Completes delegated permission (scope) names, such as {@code Dicom.ReadWrite}.
 */
@Component
public class DelegatedPermissionCompleter extends PermissionNameCompleter {

	public DelegatedPermissionCompleter(ApiDirectory apis) {
		super(apis, PermissionType.DELEGATED);
	}

}
