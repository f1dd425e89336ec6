package io.dicomreg.apps;

/**
 * The outcome of {@code app register}.
 *
 * @param application the registered (or already registered) application
 * @param changed whether the tenant changed
 * @param note what happened, for people
 */
public record Registration(RegisteredApplication application, boolean changed, String note) {
}
