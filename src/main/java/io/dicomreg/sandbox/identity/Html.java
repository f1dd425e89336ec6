package io.dicomreg.sandbox.identity;

import java.util.Map;

/**
 * The few HTML pages sign-in answers with: form_post responses, the device login page and error pages.
 */
final class Html {

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

	static String deviceLogin() {
		return "<html><head><title>Enter code</title></head><body><h1>Enter code</h1>"
				+ "<p>The dicomreg sandbox approves every device code for its administrator automatically; there is "
				+ "nothing to enter here.</p></body></html>";
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
