package io.dicomreg.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A separate process for tests of one state file shared by several processes: starts a sandbox on the state file,
 * signs the administrator in, creates the file {@code START_SIGNAL_FILE.PREFIX} to say it is ready, waits until the
 * start signal file exists, then creates applications named
 * {@code PREFIX-1} to {@code PREFIX-COUNT}, one Graph request each, and prints the tenant id it saw.
 * <p>
 * Arguments: STATE_FILE START_SIGNAL_FILE PREFIX COUNT
 */
public final class StateFileWriter {

	private StateFileWriter() {
	}

	public static void main(String[] args) throws Exception {
		Path stateFile = Path.of(args[0]);
		Path startSignal = Path.of(args[1]);
		String prefix = args[2];
		int count = Integer.parseInt(args[3]);
		try (Sandbox server = Sandbox.start(stateFile)) {
			GraphFixture graph = new GraphFixture(server);
			Files.createFile(Path.of(startSignal + "." + prefix));
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!Files.exists(startSignal) && Instant.now().isBefore(deadline)) {
				Thread.sleep(5);
			}
			for (int i = 1; i <= count; i++) {
				graph.createApplication(prefix + "-" + i);
			}
			System.out.println("tenant " + server.tenantId());
		}
	}

}
