package io.dicomreg.output;

/**
 * The output format in force: the global {@code --output}, overridden for one command by its own
 * {@code --output}.
 */
public class OutputSettings {

	private final OutputFormat defaultFormat;

	private OutputFormat current;

	public OutputSettings(OutputFormat defaultFormat) {
		this.defaultFormat = defaultFormat;
		this.current = defaultFormat;
	}

	public OutputFormat format() {
		return this.current;
	}

	/** Uses {@code format} until {@link #reset()}; {@code null} keeps the default. */
	public void override(OutputFormat format) {
		this.current = (format != null) ? format : this.defaultFormat;
	}

	public void reset() {
		this.current = this.defaultFormat;
	}

}
