package io.dicomreg.sandbox;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A separate process that holds a state file's lock as another dicomreg process would: it locks the file named by its
 * argument exclusively, prints {@code locked}, and keeps the lock until its standard input ends.
 */
public final class StateLockHolder {

	private StateLockHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			System.out.println("locked");
			System.out.flush();
			System.in.readAllBytes();
		}
	}

}
