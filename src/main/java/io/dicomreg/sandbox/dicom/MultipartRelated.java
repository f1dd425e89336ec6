package io.dicomreg.sandbox.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a {@code multipart/related} body (RFC 2387) into its parts: each part's Content-Type and bytes.
 */
final class MultipartRelated {

	private MultipartRelated() {
	}

	/**
	 * One body part.
	 *
	 * @param contentType its Content-Type, or null when it has none
	 * @param content its bytes
	 */
	record Part(String contentType, byte[] content) {

	}

	/**
	 * Reads the parts.
	 * @param body the request body
	 * @param boundary the boundary of the Content-Type
	 * @return the parts, in order
	 * @throws IllegalArgumentException when the body is not a multipart body with that boundary
	 */
	static List<Part> parts(byte[] body, String boundary) {
		if (boundary == null || boundary.isEmpty()) {
			throw new IllegalArgumentException("no boundary");
		}
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		List<Part> parts = new ArrayList<>();
		int position = indexOf(body, delimiter, 0);
		if (position < 0) {
			throw new IllegalArgumentException("no boundary in the body");
		}
		while (true) {
			position += delimiter.length;
			if (startsWith(body, position, "--")) {
				return parts;
			}
			position = skipLineEnd(body, position);
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
			String contentType = null;
			int contentStart;
			if (startsWith(body, position, "\r\n")) {
				contentStart = position + 2;
			}
			else if (headersEnd < 0) {
				throw new IllegalArgumentException("a part has no end of headers");
			}
			else {
				contentType = contentType(new String(body, position, headersEnd - position,
						StandardCharsets.ISO_8859_1));
				contentStart = headersEnd + 4;
			}
			byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
			int contentEnd = indexOf(body, next, contentStart);
			if (contentEnd < 0) {
				throw new IllegalArgumentException("a part does not end with the boundary");
			}
			parts.add(new Part(contentType, Arrays.copyOfRange(body, contentStart, contentEnd)));
			position = contentEnd + 2;
		}
	}

	private static String contentType(String headers) {
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-type")) {
				return line.substring(colon + 1).strip();
			}
		}
		return null;
	}

	private static int skipLineEnd(byte[] body, int position) {
		int at = position;
		while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
			at++;
		}
		if (startsWith(body, at, "\r\n")) {
			return at + 2;
		}
		throw new IllegalArgumentException("a boundary line does not end with CRLF");
	}

	private static boolean startsWith(byte[] body, int position, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		if (position + bytes.length > body.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if (body[position + i] != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] body, byte[] wanted, int from) {
		outer: for (int i = Math.max(from, 0); i <= body.length - wanted.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (body[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
