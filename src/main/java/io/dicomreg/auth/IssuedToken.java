package io.dicomreg.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a token says about itself, read from its claims; the token itself only for the request it was asked for,
 * never shown (its {@code toString} leaves it out).
 *
 * @param value the access token, to send as a bearer token
 * @param audience {@code aud}
 * @param appId {@code appid} (v1) or {@code azp} (v2): the client
 * @param objectId {@code oid}: the service principal or user the token stands for
 * @param scopes {@code scp}, space-separated words, for a delegated token
 * @param roles {@code roles}, for an app-only token
 * @param expiresOn when it expires
 */
public record IssuedToken(String value, String audience, String appId, String objectId, List<String> scopes,
		List<String> roles, Instant expiresOn) {

	@Override
	public String toString() {
		return "IssuedToken[aud=" + this.audience + ", appid=" + this.appId + ", oid=" + this.objectId + ", scp="
				+ this.scopes + ", roles=" + this.roles + ", expiresOn=" + this.expiresOn + "]";
	}

}
