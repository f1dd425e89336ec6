package io.dicomreg.sandbox.directory;

import java.time.Instant;

/**
 * A refresh token the tenant issued, kept as a hash and bound to one user and one client.
 *
 * @param tokenHash base64url SHA-256 of the token
 * @param userObjectId the user it was issued to
 * @param clientAppId the client it was issued to
 * @param expiresAt when it stops being accepted
 */
public record RefreshTokenRecord(String tokenHash, String userObjectId, String clientAppId, Instant expiresAt) {

}
