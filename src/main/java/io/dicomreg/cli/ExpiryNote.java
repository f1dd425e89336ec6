package io.dicomreg.cli;

import java.util.ArrayList;
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
		List<String> flagged = new ArrayList<>();
		if (expired > 0) {
			flagged.add(expired + " expired");
		}
		if (expiring > 0) {
			flagged.add(expiring + " expiring within " + CredentialStatus.EXPIRING_WITHIN.toDays() + " days");
		}
		if (flagged.isEmpty()) {
			return null;
		}
		return "! " + String.join(", ", flagged) + ": add a new " + kind + " with " + add
				+ ", move your clients to it, then remove the old one with " + remove + ".";
	}

}
