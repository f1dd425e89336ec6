package io.dicomreg.sandbox.identity;

import java.util.Map;

/**
 * The few HTML pages sign-in answers with: form_post responses, the device login page and error pages.
 */
final class Html {

	/** The form field naming the user who signs in, on the device login and sign-in pages. */
	static final String USERNAME = "username";

	private Html() {
	}

	/**
	 * The page that posts an authorization response to the client, as Entra's response_mode=form_post does.
	 * It holds exactly one form, so a client acting as the browser can read and submit it.
	 * @param action the redirect URI
	 * @param fields the fields to post
	 * @return the page
	 */
	static String formPost(String action, Map<String, String> fields) {
		StringBuilder page = new StringBuilder("<html><head><title>Working...</title></head><body>");
		page.append("<form method=\"post\" name=\"hiddenform\" action=\"").append(escape(action)).append("\">");
		fields.forEach((name, value) -> page.append("<input type=\"hidden\" name=\"").append(escape(name))
			.append("\" value=\"").append(escape(value)).append("\" />"));
		page.append("<noscript><p>Script is disabled. Click Submit to continue.</p>")
			.append("<input type=\"submit\" value=\"Submit\" /></noscript></form>")
			.append("<script>document.forms[0].submit();</script></body></html>");
		return page.toString();
	}

	static String error(IdentityError error, String traceId) {
		return "<html><head><title>Sign in to your account</title></head><body>"
				+ "<h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">" + escape(error.aadstsMessage())
				+ "</p><p>Request Id: " + escape(traceId) + "</p></body></html>";
	}

	/**
	 * The page where the owner approves a device code: the code, the user who signs in and the owner secret.
	 * @param action where the form posts, the absolute /devicelogin address
	 * @param userCode the code to fill in, may be null
	 * @param username the user to fill in, e.g. the administrator
	 * @param problem what went wrong with the last attempt, or null
	 * @return the page
	 */
	static String deviceLogin(String action, String userCode, String username, String problem) {
		return "<html><head><title>Enter code</title></head><body><h1>Enter code</h1>"
				+ "<p>Approve a device code sign-in to the dicomreg sandbox as one of its users (the administrator unless "
				+ "you name another). The owner secret is the <code>ownerSecret</code> of the sandbox's state file.</p>"
				+ ((problem != null) ? "<p id=\"error\">" + escape(problem) + "</p>" : "")
				+ "<form method=\"post\" name=\"devicelogin\" action=\"" + escape(action) + "\">"
				+ "<p><label>Code <input type=\"text\" name=\"user_code\" value=\""
				+ escape((userCode != null) ? userCode : "") + "\" /></label></p>"
				+ "<p><label>Sign in as <input type=\"text\" name=\"" + USERNAME + "\" value=\"" + escape(username)
				+ "\" /></label></p>"
				+ "<p><label>Owner secret <input type=\"password\" name=\"" + OwnerSecret.FIELD + "\" /></label></p>"
				+ "<p><input type=\"submit\" value=\"Approve\" /></p></form></body></html>";
	}

	/**
	 * Entra's page after a sign-out without a (registered) post_logout_redirect_uri.
	 * @return the page
	 */
	static String signedOut() {
		return "<html><head><title>Sign out</title></head><body><h1>You signed out of your account</h1>"
				+ "<p>It's a good idea to close all browser windows.</p></body></html>";
	}

	static String deviceLoginApproved(String userPrincipalName) {
		return "<html><head><title>Approved</title></head><body><h1>Approved</h1><p>The application that showed this "
				+ "code is now signed in as " + escape(userPrincipalName) + ". You can close this page.</p></body></html>";
	}

	/**
	 * The sign-in page of the authorization code flow: it carries the authorize request's parameters as hidden
	 * fields and asks for the user who signs in and the owner secret.
	 * @param action where the form posts, the absolute authorize address
	 * @param parameters the authorize request's parameters
	 * @param clientId the client signing in
	 * @param username the user to fill in: the login_hint, else the administrator
	 * @param problem what went wrong with the last attempt, or null
	 * @return the page
	 */
	static String signIn(String action, Map<String, String> parameters, String clientId, String username,
			String problem) {
		StringBuilder page = new StringBuilder("<html><head><title>Sign in to your account</title></head><body>")
			.append("<h1>Sign in to the dicomreg sandbox</h1><p>Application ").append(escape(clientId))
			.append(" asks to sign in. Enter the user (").append(escape(username))
			.append(" unless you name another) and the owner secret (the <code>ownerSecret</code> of the sandbox's ")
			.append("state file).</p>");
		if (problem != null) {
			page.append("<p id=\"error\">").append(escape(problem)).append("</p>");
		}
		page.append("<form method=\"post\" name=\"signin\" action=\"").append(escape(action)).append("\">");
		parameters.forEach((name, value) -> {
			if (!OwnerSecret.FIELD.equals(name) && !USERNAME.equals(name)) {
				page.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
					.append(escape(value)).append("\" />");
			}
		});
		page.append("<p><label>Sign in as <input type=\"text\" name=\"").append(USERNAME).append("\" value=\"")
			.append(escape(username)).append("\" /></label></p>");
		page.append("<p><label>Owner secret <input type=\"password\" name=\"").append(OwnerSecret.FIELD)
			.append("\" /></label></p><p><input type=\"submit\" value=\"Sign in\" /></p></form></body></html>");
		return page.toString();
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
