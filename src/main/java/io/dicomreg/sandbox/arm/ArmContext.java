package io.dicomreg.sandbox.arm;

import java.time.Clock;

import io.dicomreg.sandbox.directory.TenantStore;

/**
 * What every ARM endpoint needs.
 *
 * @param store the tenant store
 * @param clock the sandbox clock
 * @param baseUrl the sandbox's base URL, e.g. https://127.0.0.1:PORT, which serves ARM, sign-in and the DICOM
 * services' URLs alike
 */
public record ArmContext(TenantStore store, Clock clock, String baseUrl) {

}
