package io.dicomreg.verify;

import java.util.List;

/**
 * The chain {@code verify} walked.
 *
 * @param links every link, in order
 * @param ok whether the DICOM service answered the client's requests (the only success)
 */
public record Verification(List<Link> links, boolean ok) {

	public Verification {
		links = List.copyOf(links);
	}

}
