package io.dicomreg.config;

import java.time.Clock;
import java.time.Duration;

import io.dicomreg.error.DicomregException;

/**
 * The clock a wait is measured with, and how a service pauses between two tries (a new app replicating, a new role
 * taking effect); tests give time that passes only by pausing.
 */
public interface Waiting {

	/** The clock that measures how long a wait has lasted. */
	Clock clock();

	/** Pauses for {@code duration}. */
	void pause(Duration duration);

	/** Real time: the system clock and a sleep; an interrupted pause ends the wait in one line. */
	static Waiting realTime() {
		return new Waiting() {

			@Override
			public Clock clock() {
				return Clock.systemUTC();
			}

			@Override
			public void pause(Duration duration) {
				try {
					Thread.sleep(duration.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw DicomregException.failure("Interrupted while waiting: run the command again later.");
				}
			}

		};
	}

}
