package io.dicomreg.sandbox.dicom;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.dicomreg.sandbox.directory.TenantStore;

/**
 * What every DICOMweb endpoint needs.
 *
 * @param store the tenant store
 * @param clock the sandbox clock
 * @param baseUrl the sandbox's base URL, e.g. https://127.0.0.1:PORT
 * @param roleEffectDelay how long after its creation a role assignment takes effect on the data plane, read on each
 * request
 */
public record DicomContext(TenantStore store, Clock clock, String baseUrl, Supplier<Duration> roleEffectDelay) {

}
