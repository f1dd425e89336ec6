package io.dicomreg.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * dicomreg's logging: java.util.logging, set up here rather than by Spring Boot's logging system (whose start, with
 * its search for configuration files and its system properties, was a tenth of a one-shot run). Warnings and errors
 * go to standard error, one line each, so that results on standard output stay clean; MSAL's log is off unless
 * {@code --verbose} asks for its warnings. Libraries that log through SLF4J (MSAL, Spring Shell, JLine) reach it
 * through slf4j-jdk14, Spring through commons-logging.
 */
public final class Logging {

	/** Held here: java.util.logging keeps its loggers weakly, and a collected logger forgets its level. */
	private static final Logger ROOT = Logger.getLogger("");

	private static final Logger MSAL = Logger.getLogger("com.microsoft.aad");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private Logging() {
	}

	/** Sets the levels and the one-line format; {@code verbose} lets MSAL's warnings through. */
	public static synchronized void configure(boolean verbose) {
		ROOT.setLevel(Level.WARNING);
		MSAL.setLevel(verbose ? Level.WARNING : Level.OFF);
		for (Handler handler : ROOT.getHandlers()) {
			if (!(handler.getFormatter() instanceof OneLine)) {
				handler.setFormatter(new OneLine());
			}
		}
	}

	/** {@code 16:01:02.345 WARNING org.jline - message}, and the stack trace of a thrown exception after it. */
	static final class OneLine extends Formatter {

		@Override
		public String format(LogRecord record) {
			StringBuilder line = new StringBuilder()
				.append(TIME.format(LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
				.append(' ').append(record.getLevel().getName())
				.append(' ').append(record.getLoggerName())
				.append(" - ").append(formatMessage(record))
				.append(System.lineSeparator());
			if (record.getThrown() != null) {
				java.io.StringWriter trace = new java.io.StringWriter();
				record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
				line.append(trace);
			}
			return line.toString();
		}

	}

}
