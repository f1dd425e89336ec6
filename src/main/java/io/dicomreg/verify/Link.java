package io.dicomreg.verify;

/**
 * One link of the chain from a registered app to DICOM data, and how it stands.
 *
 * @param name what the link is, e.g. "Service principal"
 * @param status ok, failed, or skipped (not checked because an earlier link failed, or not applicable)
 * @param detail what was found, or what the failure means
 * @param fix the command that fixes a failed link, or {@code null}
 */
public record Link(String name, Status status, String detail, String fix) {

	/** How a link stands. */
	public enum Status {

		OK("ok"), FAILED("failed"), SKIPPED("skipped");

		private final String word;

		Status(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	static Link ok(String name, String detail) {
		return new Link(name, Status.OK, detail, null);
	}

	static Link failed(String name, String detail, String fix) {
		return new Link(name, Status.FAILED, detail, fix);
	}

	static Link skipped(String name, String detail) {
		return new Link(name, Status.SKIPPED, detail, null);
	}

}
