package io.dicomreg.error;

/**
 * A failure to report to the user as one line, with the exit code it maps to.
 * <p>
 * The message must never contain a secret or a token. The cause, when there is one, is
 * only shown with {@code --verbose}.
 */
public class DicomregException extends RuntimeException {

	/** Where a message names the thing it is about. */
	private static final String NAME = "{}";

	private final ExitCode exitCode;

	private final String requestId;

	private final Subject subject;

	/** The message with {@code {}} where the thing is named, or {@code null}. */
	private final String template;

	private DicomregException(ExitCode exitCode, String message, String requestId, Throwable cause) {
		this(exitCode, message, requestId, cause, Subject.NONE, null);
	}

	private DicomregException(ExitCode exitCode, String message, String requestId, Throwable cause, Subject subject,
			String template) {
		super(message, cause);
		this.exitCode = exitCode;
		this.requestId = requestId;
		this.subject = subject;
		this.template = template;
	}

	/**
	 * Bad input about one thing, said in words of the domain: "The redirect URI" + {@code predicate}.
	 * The command layer says it with the option that gave the thing ("--redirect-uri" + predicate).
	 * @param predicate the rest of the sentence, starting with the space or colon that follows the
	 * thing's name
	 */
	public static DicomregException invalid(Subject subject, String predicate) {
		return invalidNaming(subject, NAME + predicate);
	}

	/**
	 * Bad input about one thing, with {@code {}} in {@code template} where the thing is named (in
	 * words of the domain; with its option on the command line).
	 */
	public static DicomregException invalidNaming(Subject subject, String template) {
		return new DicomregException(ExitCode.USAGE, naming(template, subject.noun()), null, null, subject, template);
	}

	/** The same failure said with {@code message}: the same exit code, request id, cause and subject. */
	public DicomregException renamed(String message) {
		return new DicomregException(this.exitCode, message, this.requestId, getCause(), this.subject, this.template);
	}

	/** The thing this error is about, {@link Subject#NONE} when it names none. */
	public Subject getSubject() {
		return this.subject;
	}

	/**
	 * The message with {@code name} (an option such as {@code --save-to}, or a question) in place of
	 * the thing's name; the message itself when it names no thing.
	 */
	public String messageNaming(String name) {
		return (this.subject == Subject.NONE || this.template == null) ? getMessage()
				: naming(this.template, this.subject.onCommandLine(name));
	}

	/** The template with {@code name} where it names the thing; capitalised at the start of the sentence. */
	private static String naming(String template, String name) {
		return template.startsWith(NAME) ? Subject.capitalized(name) + template.substring(NAME.length()).replace(NAME, name)
				: template.replace(NAME, name);
	}

	/** Bad input from the user: an unknown option, a missing value, a malformed value. */
	public static DicomregException invalidInput(String message) {
		return new DicomregException(ExitCode.USAGE, message, null, null);
	}

	/** An operation that was tried and failed. */
	public static DicomregException failure(String message) {
		return new DicomregException(ExitCode.FAILURE, message, null, null);
	}

	/** An operation that was tried and failed because of {@code cause}. */
	public static DicomregException failure(String message, Throwable cause) {
		return new DicomregException(ExitCode.FAILURE, message, null, cause);
	}

	/** A failure reported by a remote service, with the request id it gave. */
	public static DicomregException service(String message, String requestId, Throwable cause) {
		return new DicomregException(ExitCode.FAILURE, message, requestId, cause);
	}

	/**
	 * A failure whose details were already reported, line by line (a script's): only the exit code
	 * is left to give.
	 */
	public static DicomregException alreadyReported(ExitCode exitCode) {
		return new DicomregException(exitCode, null, null, null);
	}

	/** Whether the details were already reported, so that nothing more is printed. */
	public boolean isAlreadyReported() {
		return getMessage() == null;
	}

	/** A command that needs a signed-in context was used without one. */
	public static DicomregException notSignedIn() {
		return failure("You are not signed in. Run 'login' first.");
	}

	public ExitCode getExitCode() {
		return this.exitCode;
	}

	/** The request id of the failed service call, or {@code null}. */
	public String getRequestId() {
		return this.requestId;
	}

}
