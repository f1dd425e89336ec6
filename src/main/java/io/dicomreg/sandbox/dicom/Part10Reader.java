package io.dicomreg.sandbox.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dicomreg.sandbox.directory.Json;

/**
 * Reads the attributes of a DICOM Part 10 file (PS3.10: 128 byte preamble, {@code DICM}, the file meta group) into
 * DICOM JSON, for the store transaction. Little endian transfer syntaxes only, implicit or explicit VR, with native
 * or encapsulated pixel data; the top-level text and binary number attributes are kept, sequences and bulk data
 * (OB, OW, UN, ...) are skipped, as is the file meta group. Big endian and deflated files are refused.
 */
final class Part10Reader {

	private static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";

	private static final Set<String> REFUSED_SYNTAXES = Set.of("1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99");

	/** VRs with a 2 byte reserved field and a 4 byte length in explicit VR. */
	private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
			"UR", "UT", "UV");

	private static final Set<String> TEXT_VRS = Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN",
			"SH", "ST", "TM", "UC", "UI", "UR", "UT");

	/** Text VRs whose value is never split at backslashes. */
	private static final Set<String> SINGLE_VALUED = Set.of("LT", "ST", "UR", "UT");

	private static final long UNDEFINED = 0xFFFFFFFFL;

	private final ByteBuffer buffer;

	private boolean explicit = true;

	private Charset charset = StandardCharsets.ISO_8859_1;

	private Part10Reader(byte[] bytes) {
		this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * Reads a file.
	 * @param bytes the Part 10 file
	 * @return its data set's attributes as DICOM JSON, in tag order
	 * @throws IllegalArgumentException when it is not a Part 10 file the sandbox can read
	 */
	static ObjectNode read(byte[] bytes) {
		if (bytes.length < 132 || !new String(bytes, 128, 4, StandardCharsets.ISO_8859_1).equals("DICM")) {
			throw new IllegalArgumentException("not a DICOM Part 10 file (no DICM prefix)");
		}
		try {
			return new Part10Reader(bytes).readFile();
		}
		catch (RuntimeException ex) {
			throw (ex instanceof IllegalArgumentException) ? ex
					: new IllegalArgumentException("truncated or malformed DICOM file", ex);
		}
	}

	private ObjectNode readFile() {
		this.buffer.position(132);
		String transferSyntax = null;
		while (this.buffer.remaining() >= 4 && (this.buffer.getShort(this.buffer.position()) & 0xFFFF) == 0x0002) {
			Element element = header();
			byte[] value = bytes(element.length);
			if (element.tag().equals("00020010")) {
				transferSyntax = strip(new String(value, StandardCharsets.ISO_8859_1));
			}
		}
		if (transferSyntax == null) {
			throw new IllegalArgumentException("the file meta group has no transfer syntax");
		}
		if (REFUSED_SYNTAXES.contains(transferSyntax)) {
			throw new IllegalArgumentException("transfer syntax " + transferSyntax + " is not supported");
		}
		this.explicit = !transferSyntax.equals(IMPLICIT_LITTLE_ENDIAN);
		ObjectNode dataset = Json.object();
		while (this.buffer.remaining() >= 8) {
			Element element = header();
			if (element.length == UNDEFINED) {
				skipUndefined();
				continue;
			}
			byte[] value = bytes(element.length);
			if (element.tag().endsWith("0000") || element.vr == null) {
				continue;
			}
			keep(dataset, element, value);
		}
		return DicomJson.sorted(dataset);
	}

	private void keep(ObjectNode dataset, Element element, byte[] value) {
		String vr = element.vr;
		if (TEXT_VRS.contains(vr)) {
			String text = new String(value, vr.equals("UI") ? StandardCharsets.ISO_8859_1 : this.charset);
			String stripped = vr.equals("UI") ? text.replace("\0", "").strip() : stripTrailing(text);
			List<String> values = new ArrayList<>();
			if (!stripped.isEmpty()) {
				for (String part : SINGLE_VALUED.contains(vr) ? new String[] { stripped } : stripped.split("\\\\", -1)) {
					String single = vr.equals("PN") ? part.split("=", -1)[0].strip() : part.strip();
					values.add(single);
				}
			}
			DicomJson.put(dataset, element.tag(), vr, values);
			if (element.tag().equals("00080005") && !values.isEmpty()) {
				this.charset = values.get(values.size() - 1).equals("ISO_IR 192") ? StandardCharsets.UTF_8
						: StandardCharsets.ISO_8859_1;
			}
			return;
		}
		int size = switch (vr) {
			case "US", "SS" -> 2;
			case "UL", "SL", "FL" -> 4;
			case "FD" -> 8;
			default -> 0;
		};
		if (size == 0 || value.length % size != 0) {
			return;
		}
		ByteBuffer numbers = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
		List<String> values = new ArrayList<>();
		while (numbers.hasRemaining()) {
			values.add(switch (vr) {
				case "US" -> Integer.toString(numbers.getShort() & 0xFFFF);
				case "SS" -> Short.toString(numbers.getShort());
				case "UL" -> Long.toString(numbers.getInt() & 0xFFFFFFFFL);
				case "SL" -> Integer.toString(numbers.getInt());
				case "FL" -> Float.toString(numbers.getFloat());
				default -> Double.toString(numbers.getDouble());
			});
		}
		DicomJson.put(dataset, element.tag(), vr, values);
	}

	/** Reads an element header in the data set's encoding (items and delimiters have no VR). */
	private Element header() {
		int group = this.buffer.getShort() & 0xFFFF;
		int number = this.buffer.getShort() & 0xFFFF;
		String tag = String.format(Locale.ROOT, "%04X%04X", group, number);
		if (group == 0xFFFE) {
			return new Element(tag, null, this.buffer.getInt() & 0xFFFFFFFFL);
		}
		boolean explicitHere = this.explicit || group == 0x0002;
		if (!explicitHere) {
			String vr = DicomTag.byTag(tag).map(DicomTag::vr).orElse(null);
			return new Element(tag, vr, this.buffer.getInt() & 0xFFFFFFFFL);
		}
		String vr = new String(new byte[] { this.buffer.get(), this.buffer.get() }, StandardCharsets.ISO_8859_1);
		if (!vr.matches("[A-Z]{2}")) {
			throw new IllegalArgumentException("element " + tag + " has no valid VR");
		}
		if (LONG_VRS.contains(vr)) {
			this.buffer.getShort();
			return new Element(tag, vr, this.buffer.getInt() & 0xFFFFFFFFL);
		}
		return new Element(tag, vr, this.buffer.getShort() & 0xFFFF);
	}

	/** Skips the items of an undefined length sequence or encapsulated pixel data, through its delimiter. */
	private void skipUndefined() {
		while (true) {
			Element item = header();
			if (item.tag().equals("FFFEE0DD")) {
				return;
			}
			if (!item.tag().equals("FFFEE000")) {
				throw new IllegalArgumentException("unexpected element " + item.tag() + " in a sequence");
			}
			if (item.length != UNDEFINED) {
				skip(item.length);
				continue;
			}
			while (true) {
				Element nested = header();
				if (nested.tag().equals("FFFEE00D")) {
					break;
				}
				if (nested.length == UNDEFINED) {
					skipUndefined();
				}
				else {
					skip(nested.length);
				}
			}
		}
	}

	private byte[] bytes(long length) {
		if (length > this.buffer.remaining()) {
			throw new IllegalArgumentException("an element is longer than the file");
		}
		byte[] value = new byte[(int) length];
		this.buffer.get(value);
		return value;
	}

	private void skip(long length) {
		if (length > this.buffer.remaining()) {
			throw new IllegalArgumentException("an element is longer than the file");
		}
		this.buffer.position(this.buffer.position() + (int) length);
	}

	private static String strip(String text) {
		return text.replace("\0", "").strip();
	}

	private static String stripTrailing(String text) {
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
			end--;
		}
		return text.substring(0, end);
	}

	/** An element's header. */
	private record Element(String tag, String vr, long length) {

	}

}
