package io.dicomreg.sandbox;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Small DICOM Part 10 files (explicit VR little endian, a 2x2 16-bit image) and multipart/related bodies, for store
 * (STOW-RS) tests.
 */
public final class DicomFiles {

	/** Secondary Capture Image Storage. */
	public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

	private static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

	private DicomFiles() {
	}

	/**
	 * A new UID, {@code 2.25.} and a random UUID's decimal form.
	 * @return the UID
	 */
	public static String newUid() {
		UUID uuid = UUID.randomUUID();
		ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits());
		return "2.25." + new BigInteger(1, bytes.array());
	}

	/**
	 * A Part 10 file of one Secondary Capture instance, with a referenced image sequence of undefined length and
	 * pixel data, so that a reader must skip both.
	 * @param study the StudyInstanceUID
	 * @param series the SeriesInstanceUID
	 * @param instance the SOPInstanceUID
	 * @param patientId the PatientID
	 * @param patientName the PatientName, e.g. Test^Patient
	 * @return the file's bytes
	 */
	public static byte[] part10(String study, String series, String instance, String patientId, String patientName) {
		ByteArrayOutputStream meta = new ByteArrayOutputStream();
		write(meta, 0x0002, 0x0001, "OB", new byte[] { 0, 1 });
		write(meta, 0x0002, 0x0002, "UI", text(SECONDARY_CAPTURE, true));
		write(meta, 0x0002, 0x0003, "UI", text(instance, true));
		write(meta, 0x0002, 0x0010, "UI", text(EXPLICIT_LITTLE_ENDIAN, true));
		write(meta, 0x0002, 0x0012, "UI", text("1.2.826.0.1.3680043.10.1", true));
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(new byte[128]);
		file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
		write(file, 0x0002, 0x0000, "UL", littleEndianInt(meta.size()));
		file.writeBytes(meta.toByteArray());
		write(file, 0x0008, 0x0005, "CS", text("ISO_IR 192", false));
		write(file, 0x0008, 0x0016, "UI", text(SECONDARY_CAPTURE, true));
		write(file, 0x0008, 0x0018, "UI", text(instance, true));
		write(file, 0x0008, 0x0020, "DA", text("20250610", false));
		write(file, 0x0008, 0x0060, "CS", text("OT", false));
		referencedImageSequence(file);
		write(file, 0x0010, 0x0010, "PN", text(patientName, false));
		write(file, 0x0010, 0x0020, "LO", text(patientId, false));
		write(file, 0x0020, 0x000D, "UI", text(study, true));
		write(file, 0x0020, 0x000E, "UI", text(series, true));
		write(file, 0x0020, 0x0013, "IS", text("1", false));
		write(file, 0x0028, 0x0010, "US", littleEndianShort(2));
		write(file, 0x0028, 0x0011, "US", littleEndianShort(2));
		write(file, 0x0028, 0x0100, "US", littleEndianShort(16));
		write(file, 0x7FE0, 0x0010, "OW", new byte[8]);
		return file.toByteArray();
	}

	/**
	 * A multipart/related body of DICOM files, each part typed application/dicom.
	 * @param boundary the boundary
	 * @param files the files
	 * @return the body
	 */
	public static byte[] multipart(String boundary, byte[]... files) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(file);
			body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	/** (0008,1140) with undefined length: one item of undefined length holding a ReferencedSOPInstanceUID. */
	private static void referencedImageSequence(ByteArrayOutputStream file) {
		file.writeBytes(littleEndianShort(0x0008));
		file.writeBytes(littleEndianShort(0x1140));
		file.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
		file.writeBytes(new byte[2]);
		file.writeBytes(littleEndianInt(-1));
		delimiter(file, 0xE000, -1);
		write(file, 0x0008, 0x1155, "UI", text("1.2.3.4", true));
		delimiter(file, 0xE00D, 0);
		delimiter(file, 0xE0DD, 0);
	}

	private static void delimiter(ByteArrayOutputStream file, int element, int length) {
		file.writeBytes(littleEndianShort(0xFFFE));
		file.writeBytes(littleEndianShort(element));
		file.writeBytes(littleEndianInt(length));
	}

	private static void write(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
		out.writeBytes(littleEndianShort(group));
		out.writeBytes(littleEndianShort(element));
		out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
		if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")) {
			out.writeBytes(new byte[2]);
			out.writeBytes(littleEndianInt(value.length));
		}
		else {
			out.writeBytes(littleEndianShort(value.length));
		}
		out.writeBytes(value);
	}

	private static byte[] text(String value, boolean uid) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		if (bytes.length % 2 == 0) {
			return bytes;
		}
		byte[] padded = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, padded, 0, bytes.length);
		padded[bytes.length] = uid ? 0 : (byte) ' ';
		return padded;
	}

	private static byte[] littleEndianShort(int value) {
		return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
	}

	private static byte[] littleEndianInt(int value) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
	}

}
