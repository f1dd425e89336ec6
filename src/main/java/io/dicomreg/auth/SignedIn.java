package io.dicomreg.auth;

import java.time.Instant;

/**
 * The signed-in context as shown by {@code login} and {@code whoami}.
 *
 * @param session who is signed in
 * @param authority the authority URL used
 * @param tokenExpiresOn when the current Graph access token expires
 */
public record SignedIn(Session session, String authority, Instant tokenExpiresOn) {
}
