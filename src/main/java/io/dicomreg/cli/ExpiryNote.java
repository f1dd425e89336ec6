package io.dicomreg.cli;

import java.util.List;

import io.dicomreg.apps.credentials.CredentialStatus;

/**
 * The line under a list of secrets or certificates that points at the expired and expiring ones.
 */
final class ExpiryNote {

	private ExpiryNote() {
	}

	/** The note, or {@code null} when every credential is valid for a while yet. */
	static String of(List<CredentialStatus> statuses, String kind, String add, String remove) {
		long expired = statuses.stream().filter(CredentialStatus.EXPIRED::equals).count();
		long expiring = statuses.stream().filter(CredentialStatus.EXPIRING::equals).count();
		if (expired + expiring == 0) {
			return null;
		}
		return "! " + expired + " expired, " + expiring + " expiring within " + CredentialStatus.EXPIRING_WITHIN.toDays()
				+ " days: add a new " + kind + " with " + add + ", move your clients to it, then remove the old one with "
				+ remove + ".";
	}

}
