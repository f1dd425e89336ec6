package io.dicomreg.sandbox.graph;

import java.time.Clock;

import io.dicomreg.sandbox.directory.TenantStore;

/**
 * What every Graph endpoint needs.
 *
 * @param store the tenant store
 * @param clock the sandbox clock
 * @param baseUrl the Graph base URL, e.g. https://127.0.0.1:PORT/v1.0
 */
public record GraphContext(TenantStore store, Clock clock, String baseUrl) {

}
