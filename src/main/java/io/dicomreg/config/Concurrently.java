package io.dicomreg.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work that does not depend on what the calling thread reads meanwhile, done on a daemon thread of its own: e.g. the
 * DICOM services read from Azure Resource Manager while the app is read from Graph. Its failure reaches the caller
 * unchanged, at {@link Pending#get()}.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/** Starts {@code work} on a new daemon thread named {@code name}. */
	public static <T> Pending<T> supply(String name, Supplier<T> work) {
		CompletableFuture<T> future = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				future.complete(work.get());
			}
			catch (Throwable failure) {
				future.completeExceptionally(failure);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return new Pending<>(future);
	}

	/** The result of work started by {@link #supply}. */
	public static final class Pending<T> {

		private final CompletableFuture<T> future;

		private Pending(CompletableFuture<T> future) {
			this.future = future;
		}

		/** Waits for the work to end, whatever its outcome: nothing of it may outlive a command that failed. */
		public void awaitQuietly() {
			try {
				this.future.join();
			}
			catch (RuntimeException ex) {
				// The caller fails for a reason of its own.
			}
		}

		/** Waits for the work; rethrows what it threw. */
		public T get() {
			try {
				return this.future.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

	}

}
