package io.dicomreg.sandbox.identity;

import java.time.Clock;

import io.dicomreg.sandbox.directory.TenantStore;

/**
 * What every sign-in endpoint needs: the tenant, the clock, the public address and the pending codes.
 *
 * @param store the tenant store
 * @param clock the sandbox clock
 * @param authorityHost e.g. https://127.0.0.1:PORT, without a trailing slash
 * @param pending device codes and authorization codes waiting to be redeemed
 */
public record IdentityContext(TenantStore store, Clock clock, String authorityHost, PendingCodes pending) {

}
